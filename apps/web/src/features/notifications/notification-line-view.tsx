import type { LinePart } from './notification-line';

/** A card's line: the record's name in bold, wrapping rather than cut off. */
export function LineView({ parts }: { parts: LinePart[] }) {
  return (
    <span data-card-line className="break-words [overflow-wrap:anywhere]">
      {parts.map((part, index) =>
        part.strong ? (
          <strong key={index} data-record-name className="font-semibold text-fg">
            {part.text}
          </strong>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
