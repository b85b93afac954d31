/**
 * Reads an SSE stream the way the seed's Node/fetch example does: a reader loop that splits
 * each chunk into lines and handles `event:`/`data:`/blank lines.
 */
export interface SeedEvent {
  event: string;
  id: string | null;
  data: Record<string, unknown>;
}

export async function readSeedStream(
  url: string,
  headers: Record<string, string>,
  until: (events: SeedEvent[]) => boolean,
): Promise<SeedEvent[]> {
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers } });
  if (!response.body) throw new Error(`no body (${response.status})`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SeedEvent[] = [];
  let eventType = 'message';
  let id: string | null = null;
  let data = '';
  while (!until(events)) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value);
    for (const line of chunk.split('\n')) {
      if (line.startsWith('event:')) eventType = line.substring(6).trim();
      else if (line.startsWith('id:')) id = line.substring(3).trim();
      else if (line.startsWith('data:')) data += line.substring(5).trim();
      else if (line === '' && data) {
        events.push({ event: eventType, id, data: JSON.parse(data) as Record<string, unknown> });
        eventType = 'message';
        data = '';
      }
    }
  }
  await reader.cancel();
  return events;
}
