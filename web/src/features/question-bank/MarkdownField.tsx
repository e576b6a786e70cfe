import { ActionIcon, FileButton, Loader, Textarea, Tooltip } from '@mantine/core';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { notifyError } from '../../lib/notify';
import { uploadAsset } from './api';

interface MarkdownFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  minRows?: number;
  lang?: string;
  /** Extra words for screen readers, e.g. which language column this is. */
  'aria-label'?: string;
}

const imageTypes = 'image/png,image/jpeg,image/gif,image/webp';

/** A Markdown + LaTeX text box with an image button that uploads and inserts `![alt](image:<id>)` at the cursor. */
export function MarkdownField({
  label,
  value,
  onChange,
  error,
  placeholder,
  minRows = 2,
  lang,
  'aria-label': ariaLabel,
}: MarkdownFieldProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [isUploading, setUploading] = useState(false);

  const insertImage = async (file: File | null) => {
    if (!file) return;
    // Remember the cursor before the upload: focus may move while it runs.
    const start = textarea.current?.selectionStart ?? value.length;
    const end = textarea.current?.selectionEnd ?? value.length;
    setUploading(true);
    try {
      const asset = await uploadAsset(file);
      const alt = file.name.replace(/\.[^.]+$/, '').replace(/[[\]]/g, '');
      const snippet = `![${alt}](image:${asset.id})`;
      onChange(value.slice(0, start) + snippet + value.slice(end));
    } catch (uploadError) {
      notifyError(uploadError, 'The image was not uploaded');
    } finally {
      setUploading(false);
    }
  };

  return (
    <Textarea
      ref={textarea}
      label={label}
      aria-label={ariaLabel}
      lang={lang}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      placeholder={placeholder}
      autosize
      minRows={minRows}
      maxRows={14}
      styles={{ input: { paddingRight: 40 } }}
      rightSectionPointerEvents="all"
      rightSection={
        <FileButton onChange={(file) => void insertImage(file)} accept={imageTypes}>
          {(props) => (
            <Tooltip label="Insert image" withArrow>
              <ActionIcon
                {...props}
                variant="subtle"
                color="gray"
                aria-label={`Insert image into ${ariaLabel ?? label}`}
                disabled={isUploading}
              >
                {isUploading ? <Loader size={14} /> : <IconPhotoPlus size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
      }
      rightSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 6 } }}
    />
  );
}
