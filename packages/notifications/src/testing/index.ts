export { startRedisServer, getFreePort, type RedisServerHandle } from './redis-server';
