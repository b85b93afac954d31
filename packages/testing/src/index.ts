export { getFreePort } from './free-port';
export { startRedisServer, type RedisServerHandle } from './redis-server';
export {
  runServerExpectingExit,
  SERVER_MAIN,
  startBuiltServer,
  type BuiltServer,
  type BuiltServerOptions,
} from './built-server';
