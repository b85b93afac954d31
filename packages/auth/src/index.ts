export { createLoginLimiter, type LoginLimiter, type LoginLimiterOptions } from './login-limiter';
export { decoyHash, hashPassword, verifyPassword } from './passwords';
export { createSessionRevocations, type SessionRevocations } from './sessions';
export { createTokenService, type SessionClaims, type TokenService } from './tokens';
export { createUserService, seedUsers, userKey, UserExistsError, type UserService } from './users';
