/** A digest of the names and contents of every compiled input under `root` (the project by default). */
export function sourceDigest(root?: string): string;
/** True when dist/ under `root` was compiled from the sources as they are now. */
export function distIsCurrent(root?: string): boolean;
/** The file in dist/ that records the digest of the sources it was compiled from. */
export const STAMP_NAME: string;
