import type { RunRoom } from '../../../shared/ipc/ceremony-channels.js';

/** Settings applied in the room, not part of the reviewed script: shown apart, so nobody mistakes them for it. */
export function RoomSettings({ room }: { room: RunRoom }) {
  return (
    <section aria-labelledby="room-heading" className="room-settings">
      <h3 id="room-heading">Room settings (not part of the script)</h3>
      <dl className="facts">
        <dt>PKCS#11 module</dt>
        <dd className="mono">{room.modulePath}</dd>
        <dt>Token</dt>
        <dd className="mono">{room.tokenLabel}</dd>
        <dt>Mode</dt>
        <dd>{room.rehearsal ? 'REHEARSAL on a throwaway SoftHSM token' : 'Real ceremony'}</dd>
        {room.sourceDir !== undefined ? (
          <>
            <dt>Source bundle</dt>
            <dd>
              <span className="mono">{room.sourceDir}</span>
              {room.rehearsal ? <span className="hint"> — the practice root ceremony&apos;s bundle; its custodian cards (the practice shares) are in its custodians folder.</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
