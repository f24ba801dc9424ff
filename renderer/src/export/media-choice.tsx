import { useState } from 'react';
import type { ChooseMediaQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';
import { MediaList } from './media-list.js';
import { useMedia } from './use-media.js';

/**
 * Choosing the removable drive a choose-media question asks for (a USB copy,
 * a custodian's own stick): the drives mounted now, kept up to date, why the
 * runner refused the previous choice, and why main refused this one.
 */
export function MediaChoice({ api, question }: { api: ConclaveApi; question: ChooseMediaQuestion }) {
  const media = useMedia(api, question.media);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const choose = async (mountPoint: string) => {
    setSending(true);
    const result = await api.host.mediaChosen({ id: question.id, mountPoint });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <>
      {question.problem ? (
        <p className="error" role="alert">
          {question.problem}
        </p>
      ) : null}
      <MediaList media={media} action="Write to" busy={sending} autoFocus onChoose={(m) => void choose(m.mountPoint)} />
      {problem ? <ErrorNotice error={problem} /> : null}
    </>
  );
}
