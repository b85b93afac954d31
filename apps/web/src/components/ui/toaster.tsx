import type { CSSProperties } from 'react';
import { Toaster as SonnerToaster } from 'sonner';

// Sonner's own theme variables, pointed at ours so toasts match the other floating surfaces.
const themeVariables = {
  '--normal-bg': 'var(--surface)',
  '--normal-border': 'var(--line)',
  '--normal-text': 'var(--fg)',
  '--border-radius': '0.5rem',
} as CSSProperties;

export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      theme="system"
      closeButton
      duration={5000}
      // Sonner's default landmark name ("Notifications") would clash with the inbox's.
      containerAriaLabel="Alerts"
      style={themeVariables}
      toastOptions={{ className: 'shadow-float! font-sans! text-sm!' }}
    />
  );
}
