export {
  duplicateForBlocking,
  duplicateForSubscribing,
  isCluster,
  type RedisClient,
} from './client';
export { connectRedis, createRedisClient, type HostPort, type RedisTarget } from './connect';
export {
  confirmNothing,
  createWriteConfirmer,
  type ConfirmWrites,
  type DurabilityOptions,
} from './durability';
export { asStoreUnavailable, StoreUnavailableError } from './errors';
export { redisHealth, type RedisHealth } from './health';
export {
  connectionFor,
  groupByNode,
  nodeKeyOf,
  pipelinePerNode,
  type PipelineReply,
} from './nodes';
