import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { api } from '../../lib/api';

export type Notice = {
  id: string;
  kind: string;
  payload: { examId?: string; title?: string; challengesCloseAt?: string; decision?: string };
  createdAt: string;
  readAt: string | null;
};
export type NoticeList = { items: Notice[]; unread: number };

const noticesKey = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: noticesKey,
    queryFn: () => api<NoticeList>('/api/notifications'),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    /** A notification's id, or 'all'. */
    mutationFn: (id: string) =>
      api<{ unread: number }>(
        id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`,
        {
          method: 'POST',
          body: {},
        },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
}

/**
 * The signed-in user's own socket: a `notification` event refreshes the list at once (the server
 * pushes it to the user's room on every instance). One socket per mounted bell.
 */
export function useLiveNotifications(): void {
  const client = useQueryClient();
  useEffect(() => {
    const socket = io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 10_000 });
    socket.on('notification', () => void client.invalidateQueries({ queryKey: noticesKey }));
    // A reconnect may have missed a push: read the list again.
    socket.on('connect', () => void client.invalidateQueries({ queryKey: noticesKey }));
    return () => {
      socket.disconnect();
    };
  }, [client]);
}
