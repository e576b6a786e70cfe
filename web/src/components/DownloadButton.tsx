import { Button, type ButtonProps } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

/** A link to a file the server generates (templates, reports), styled as a button. */
export function DownloadButton({ href, children, ...props }: ButtonProps & { href: string }) {
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      leftSection={<IconDownload size={props.size === 'xs' ? 14 : 16} />}
      {...props}
    >
      {children}
    </Button>
  );
}
