import { RotateCw } from 'lucide-react';
import { Logo } from '../../components/logo';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';

export function ServerUnreachable({
  message,
  retrying,
  onRetry,
}: {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4">
      <Logo className="text-base" />
      <Card role="alert" className="w-full max-w-sm p-6 text-center">
        <h1 className="text-base font-semibold">We couldn't load your workspace</h1>
        <p className="mt-2 text-fg-muted">{message}</p>
        <Button className="mt-6" pending={retrying} onClick={onRetry}>
          {!retrying && <RotateCw aria-hidden />}
          Try again
        </Button>
      </Card>
    </main>
  );
}
