/** The look every menu of the notification center shares. */
export const menuContentClass =
  'z-[60] w-56 animate-fade-in rounded-md border border-line bg-surface p-1 shadow-float';

export const menuItemClass =
  'flex h-8 cursor-pointer items-center gap-2 rounded-sm px-2 text-fg outline-none select-none data-disabled:cursor-default data-disabled:opacity-60 data-highlighted:bg-muted';
