import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';

export interface IssuedPassword {
  name: string;
  email: string;
  temporaryPassword: string;
}

/** The server shows a generated password exactly once; this is that one time. */
export function TemporaryPasswordModal({
  issued,
  title,
  onClose,
}: {
  issued: IssuedPassword | null;
  title: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={issued !== null} onClose={onClose} title={title} centered closeOnClickOutside={false}>
      {issued && (
        <Stack gap="md">
          <Text size="sm">
            Share these sign-in details with <b>{issued.name}</b>. They will be asked to choose a new password
            at first sign-in.
          </Text>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Email
            </Text>
            <Text size="sm">{issued.email}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" id="temporary-password-label">
              Temporary password
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code
                fz="md"
                px="sm"
                py={6}
                aria-labelledby="temporary-password-label"
                data-testid="temporary-password"
                style={{ flex: 1 }}
              >
                {issued.temporaryPassword}
              </Code>
              <CopyButton value={issued.temporaryPassword} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                    <ActionIcon
                      variant="light"
                      color={copied ? 'teal' : 'indigo'}
                      size="lg"
                      onClick={copy}
                      aria-label="Copy temporary password"
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Stack>
          <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />}>
            This password will not be shown again. If it is lost, reset the password to issue a new one.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
