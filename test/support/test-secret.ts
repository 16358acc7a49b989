/** The HS256 secret every test API (in-process or a separate process) signs and verifies tokens with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
