import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { useMediaQuery } from '../../lib/use-media-query';
import {
  cellClass,
  DataTable,
  LoadingRegion,
  recordProps,
  skeletonWidths,
  type Column,
} from './data-table';

/** Wide screens get a table, phones a card per record. */
function useWideList(): boolean {
  return useMediaQuery('(min-width: 56rem)');
}

interface ListShape {
  /** What the list holds ("Tasks"): the table's caption, the cards' label. */
  name: string;
  columns: readonly Column[];
}

/**
 * A page's records: a table on wide screens, a card each on phones, each row or card
 * marked for links and highlights (see recordProps). `row` gives a record's cells.
 */
export function RecordList<T extends { id: string }>({
  name,
  columns,
  records,
  isHighlighted,
  isSelected,
  row,
  card,
  cardGap = 'gap-2',
}: ListShape & {
  records: readonly T[];
  isHighlighted: (id: string) => boolean;
  isSelected: (id: string) => boolean;
  row: (record: T) => ReactNode;
  card: (record: T) => ReactNode;
  cardGap?: 'gap-2' | 'gap-3';
}) {
  const wide = useWideList();
  if (wide) {
    return (
      <DataTable caption={name} columns={columns}>
        {records.map((record) => (
          <tr
            key={record.id}
            {...recordProps(record.id, isHighlighted(record.id), isSelected(record.id))}
          >
            {row(record)}
          </tr>
        ))}
      </DataTable>
    );
  }
  return (
    <ul aria-label={name} className="divide-y divide-line">
      {records.map((record) => {
        const marks = recordProps(
          record.id,
          isHighlighted(record.id),
          isSelected(record.id),
          'card',
        );
        return (
          <li
            key={record.id}
            {...marks}
            className={cn(marks.className, 'flex flex-col px-4 py-3', cardGap)}
          >
            {card(record)}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Placeholder rows in the list's own shape (table or cards) while the first page loads:
 * `row` gives what each cell of a row holds, `card` a card's lines, for a varied text width.
 */
export function RecordListSkeleton({
  name,
  columns,
  rows = skeletonWidths.length,
  row,
  card,
}: ListShape & {
  rows?: number;
  row: (width: string) => readonly ReactNode[];
  card: (width: string) => ReactNode;
}) {
  const wide = useWideList();
  return (
    <LoadingRegion label={`Loading ${name.toLowerCase()}`}>
      {wide ? (
        <DataTable caption={name} columns={columns}>
          {skeletonWidths.slice(0, rows).map((width, i) => (
            <tr key={i}>
              {row(width).map((cell, j) => (
                <td key={j} className={cellClass}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      ) : (
        <ul className="divide-y divide-line">
          {skeletonWidths.slice(0, 4).map((width, i) => (
            <li key={i} className="flex flex-col gap-4 p-4">
              {card(width)}
            </li>
          ))}
        </ul>
      )}
    </LoadingRegion>
  );
}
