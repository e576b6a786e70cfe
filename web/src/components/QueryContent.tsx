import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError, TableSkeleton } from './QueryStates';

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  /** Shown instead of children when the data holds nothing to list. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** Loading skeleton, error with retry, empty state or content: every list screen goes through this. */
export function QueryContent<T>({ query, empty, isEmpty, children }: QueryContentProps<T>) {
  if (query.isPending) return <TableSkeleton />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty?.(query.data)) return empty;
  return children(query.data);
}
