import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps {
  /** Header cells (`Table.Th`). */
  head: ReactNode;
  /** Body rows (`Table.Tr`). */
  children: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing its cells. */
  minWidth: number;
  /** Long result lists scroll inside the page with a sticky header. */
  maxHeight?: number;
  'aria-label'?: string;
}

/** The app's one table frame: bordered card, horizontal scrolling on phones, no truncated cells. */
export function ScrollTable({
  head,
  children,
  minWidth,
  maxHeight,
  'aria-label': ariaLabel,
}: ScrollTableProps) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth} maxHeight={maxHeight} type="native">
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          highlightOnHover
          stickyHeader={maxHeight !== undefined}
          className="nowrap-table"
          aria-label={ariaLabel}
        >
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
