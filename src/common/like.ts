/** LIKE's own characters, and its escape character (PostgreSQL's default), which must match themselves in a search. */
const LIKE_SPECIAL = /[\\%_]/g;

/** A LIKE pattern that matches any text containing `text` literally: `50%_off` finds "50%_off", not "50 off". */
export function containsPattern(text: string): string {
  return `%${text.replace(LIKE_SPECIAL, (c) => `\\${c}`)}%`;
}
