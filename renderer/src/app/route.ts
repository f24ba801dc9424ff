/** Where the screen is when no ceremony is on it. */
export type Route =
  | { page: 'home' }
  /** A script opened for review before a real ceremony starts. */
  | { page: 'script'; path: string }
  | { page: 'verify'; path?: string }
  | { page: 'recovery'; bundleDir?: string };

/** Moves the screen to another page. */
export type Navigate = (route: Route) => void;
