import { useEffect, useId, useState, type ReactNode } from 'react';
import { characterLimitState, limitReachedMessage } from './character-limit';
import { Field, type FieldControlProps, type FieldProps } from './field';

/** How long typing must pause before the count is announced. */
const ANNOUNCE_AFTER_MS = 1000;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

/**
 * A Field for text with a length limit: the control gets `maxLength`, and from 80% of the
 * limit a count shows under it ("183 / 200"), with a note once it is full. The count describes
 * the control, and a polite status repeats it once typing pauses, not on every keystroke.
 */
export function LimitedField({
  max,
  value,
  children,
  ...field
}: Omit<FieldProps, 'describedBy' | 'footer' | 'children'> & {
  max: number;
  value: string;
  children: (control: FieldControlProps & { maxLength: number }) => ReactNode;
}) {
  const id = useId();
  const countId = `${id}-count`;
  const fullId = `${id}-full`;
  const state = characterLimitState(value.length, max);
  const settled = characterLimitState(useSettled(value.length, ANNOUNCE_AFTER_MS), max);
  const showFull = state.full && !field.error;
  const describedBy = [state.near ? countId : null, showFull ? fullId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <Field
      {...field}
      describedBy={describedBy || undefined}
      footer={
        <>
          {state.near && (
            <div className="-mt-1 flex items-start justify-between gap-4 text-xs">
              {showFull ? (
                <p id={fullId} className="text-fg-muted">
                  {limitReachedMessage(max)}
                </p>
              ) : (
                <span />
              )}
              <p
                id={countId}
                className={
                  state.full ? 'font-medium text-fg tabular-nums' : 'text-fg-muted tabular-nums'
                }
              >
                <span aria-hidden>{state.count}</span>
                <span className="sr-only">{state.spoken}</span>
              </p>
            </div>
          )}
          <span role="status" className="sr-only">
            {settled.near ? settled.spoken : ''}
          </span>
        </>
      }
    >
      {(control) => children({ ...control, maxLength: max })}
    </Field>
  );
}
