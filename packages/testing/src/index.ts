export { getFreePort } from './free-port';
export { startRedisServer, type RedisServerHandle } from './redis-server';
export {
  startRedisCluster,
  type RedisClusterHandle,
  type RedisClusterNode,
  type RedisClusterOptions,
} from './redis-cluster';
export {
  runServerExpectingExit,
  SERVER_MAIN,
  startBuiltServer,
  type BuiltServer,
  type BuiltServerOptions,
} from './built-server';
export {
  startTestRedis,
  testRedisKind,
  type TestRedis,
  type TestRedisKind,
  type TestRedisTarget,
} from './test-redis';
