/** Where the screen is when no ceremony is on it. */
export type Route =
  | { page: 'home' }
  /** A script opened for review before a real ceremony starts. */
  | { page: 'script'; path: string; created?: boolean }
  /** The "new ceremony" form, from a kind's example script. */
  | { page: 'template' }
  | { page: 'verify'; path?: string }
  | { page: 'recovery'; bundleDir?: string };

/** Moves the screen to another page. */
export type Navigate = (route: Route) => void;
