import { useEffect, useRef } from 'react';
import { Button } from '../../components/ui/button';

/**
 * The list's last line while older pages remain: fetches the next one when scrolled into
 * view, with a "Load more" button as fallback.
 */
export function NextPageSentinel({
  fetching,
  fetchNextPage,
}: {
  fetching: boolean;
  fetchNextPage: () => Promise<unknown>;
}) {
  const sentinelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || fetching) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: '160px' },
    );
    observer.observe(sentinel);
    return () => {
      observer.disconnect();
    };
  }, [fetching, fetchNextPage]);

  return (
    <div ref={sentinelRef} className="flex justify-center px-4 pt-2">
      <Button
        variant="ghost"
        pending={fetching}
        onClick={() => {
          void fetchNextPage();
        }}
      >
        {fetching ? 'Loading…' : 'Load more'}
      </Button>
    </div>
  );
}
