import type { HsmToken, HsmTokenList } from '../../../shared/ipc/hsm-channels.js';

const PIN_STATE: Record<HsmToken['pin'], string> = {
  ok: 'PIN ready',
  'count-low': 'A wrong PIN was entered before: few tries left',
  'final-try': 'One try left: a wrong PIN locks the token',
  locked: 'PIN locked: the security officer must unlock it',
};

/** The tokens of the room's HSM module, each with the identity a person checks before trusting it. */
export function TokenList({ list }: { list: HsmTokenList }) {
  if (list.tokens.length === 0) {
    return <p className="notice">No token is present in {list.modulePath}. Check the HSM is connected, then look again.</p>;
  }
  return (
    <ul className="tokens" aria-label="Tokens">
      {list.tokens.map((token, index) => (
        <li key={`${index}-${token.serial}`} className="token">
          {/* SoftHSM and some HSMs list a free slot as a token with no label: say what it is. */}
          <h3 className="token-label">{token.initialized ? token.label : 'Uninitialised token (free slot)'}</h3>
          <dl className="facts">
            <dt>Manufacturer</dt>
            <dd>{token.manufacturer}</dd>
            <dt>Model</dt>
            <dd>{token.model}</dd>
            <dt>Serial</dt>
            <dd className="mono">{token.serial || '—'}</dd>
            <dt>Firmware</dt>
            <dd className="mono">{token.firmwareVersion}</dd>
            <dt>PIN</dt>
            <dd className={token.pin === 'ok' ? undefined : 'warning'}>{PIN_STATE[token.pin]}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
