/** Events the console's pages send up to <staff-console>. */
import type { Me } from './api-types.js';

/** Asks <staff-console> to say `message` in its live region. */
export class ConsoleAnnounceEvent extends Event {
  constructor(readonly message: string) {
    super('console-announce', { bubbles: true, composed: true });
  }
}

/** Someone has signed in (sign-in or password set-up). */
export class SignedInEvent extends Event {
  constructor(readonly me: Me) {
    super('console-signed-in', { bubbles: true, composed: true });
  }
}
