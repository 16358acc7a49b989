import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it.each([
    ['a uuid', '3f2b8c1e-5d7a-4c2e-9b1f-0a6d2e4c8b10'],
    ['a trace id', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['a short name', 'req-42'],
    ['base64-like', 'aGVsbG8=/x+y'],
    ['128 characters', 'a'.repeat(128)],
    ['with surrounding spaces', '  req-42  '],
  ])('keeps %s', (_what, sent) => {
    expect(requestIdOf(sent)).toBe(sent.trim());
  });

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space inside', 'req 42'],
    ['a quote', 'req"42'],
    ['a leading dash', '-req'],
    ['non-ASCII', 'réq-42'],
    ['a control character', 'req\u000142'],
    ['the header twice', ['a', 'b']],
  ])('replaces %s with a new uuid', (_what, sent) => {
    expect(requestIdOf(sent)).toMatch(UUID);
  });

  it('makes a new id each time', () => {
    expect(requestIdOf(undefined)).not.toBe(requestIdOf(undefined));
  });
});
