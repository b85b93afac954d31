import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeHubMessage,
  encodeHubMessage,
  openHubChannel,
  type HubChannel,
  type HubMessage,
} from './hub-channel';

const status: HubMessage = {
  type: 'status',
  status: { state: 'live', since: 1 },
  lastEventId: '5-0',
};

describe('the hub channel protocol', () => {
  it('decodes what it encodes, for the same user only', () => {
    const wire = encodeHubMessage('ana', status);
    expect(decodeHubMessage(wire, 'ana')).toMatchObject(status);
    expect(decodeHubMessage(wire, 'ben')).toBeNull();
  });

  it('ignores anything that is not a hub message', () => {
    for (const data of [null, 'hello', 42, {}, { type: 'hello' }, { type: 'bye', userId: 'ana' }]) {
      expect(decodeHubMessage(data, 'ana')).toBeNull();
    }
  });
});

describe('openHubChannel', () => {
  const open: HubChannel[] = [];
  afterEach(() => {
    open.splice(0).forEach((channel) => {
      channel.close();
    });
  });
  const openFor = (userId: string, onMessage: (message: HubMessage) => void = () => undefined) => {
    const channel = openHubChannel((name) => new BroadcastChannel(name), userId, onMessage);
    open.push(channel);
    return channel;
  };

  it("carries a user's messages to that user's other tabs, not to another user's", async () => {
    const sameUser = vi.fn<(message: HubMessage) => void>();
    const otherUser = vi.fn<(message: HubMessage) => void>();
    const sender = openFor('ana');
    openFor('ana', sameUser);
    openFor('ben', otherUser);

    sender.post({ type: 'hello' });
    sender.post(status);

    await vi.waitFor(() => {
      expect(sameUser).toHaveBeenCalledTimes(2);
    });
    expect(sameUser.mock.calls.map(([message]) => message.type)).toEqual(['hello', 'status']);
    expect(otherUser).not.toHaveBeenCalled();
  });
});
