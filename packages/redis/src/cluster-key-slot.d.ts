// cluster-key-slot (ioredis's own slot function) ships no types.
declare module 'cluster-key-slot' {
  function calculateSlot(key: string): number;
  export default calculateSlot;
}
