import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CreatedAccount, Paged, Role, User } from '../../lib/types';
import { batchKeys } from '../batches/api';

export interface UserFilter {
  role?: Role;
  batchId?: string;
  q?: string;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
};

export function useUsers(filter: UserFilter, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: () => api<Paged<User>>('/api/users', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Users change batch counts and staff lists too, so refresh both after any write. */
function useUserMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: batchKeys.all }),
      ]),
  });
}

export interface NewUser {
  name: string;
  email: string;
  role: Exclude<Role, 'platform_operator'>;
  phone?: string;
  rollNumber?: string;
  batchIds?: string[];
}

export function useCreateUser() {
  return useUserMutation((input: NewUser) =>
    api<CreatedAccount>('/api/users', { method: 'POST', body: input }),
  );
}

export interface UserChanges {
  id: string;
  name?: string;
  phone?: string;
  rollNumber?: string;
  batchIds?: string[];
  active?: boolean;
}

export function useUpdateUser() {
  return useUserMutation(({ id, ...changes }: UserChanges) =>
    api<{ user: User }>(`/api/users/${id}`, { method: 'PATCH', body: changes }),
  );
}

export function useResetPassword() {
  return useUserMutation((id: string) =>
    api<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`, { method: 'POST' }),
  );
}

/** Lifts the sign-in lockout others' wrong passwords put on an account (admin, or a proctor for their students). */
export function useUnlockSignIn() {
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/users/${id}/unlock-sign-in`, { method: 'POST' }),
  });
}
