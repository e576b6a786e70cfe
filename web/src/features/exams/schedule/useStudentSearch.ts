import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { User } from '../../../lib/types';
import { useUsers } from '../../users/api';

export function studentLabel(user: Pick<User, 'name' | 'rollNumber' | 'email'>): string {
  return user.rollNumber ? `${user.name} (${user.rollNumber})` : `${user.name} (${user.email})`;
}

/**
 * Server-side student search for pickers. Labels of students once seen are remembered, so a chosen
 * student keeps its name when the next search no longer returns it.
 */
export function useStudentSearch(initialLabels: Record<string, string> = {}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [remembered, setRemembered] = useState(initialLabels);
  const students = useUsers({ role: 'student', q, page: 1, pageSize: 20 });
  const found = students.data?.items;
  // Remember each new page of results while rendering (React's pattern for state that follows a
  // changing input), not in an effect that renders twice.
  const [rememberedFrom, setRememberedFrom] = useState(found);
  if (found !== rememberedFrom) {
    setRememberedFrom(found);
    if (found?.length)
      setRemembered((current) => ({
        ...current,
        ...Object.fromEntries(found.map((user) => [user.id, studentLabel(user)])),
      }));
  }
  const labels: Record<string, string> = {
    ...remembered,
    ...Object.fromEntries((found ?? []).map((user) => [user.id, studentLabel(user)])),
  };
  const options = (keep: string[]) => {
    const ids = new Set([...keep, ...(found ?? []).map((user) => user.id)]);
    return [...ids].map((id) => ({ value: id, label: labels[id] ?? 'Student' }));
  };
  return { search, setSearch, options, labels, isLoading: students.isFetching };
}
