import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { ImportErrorReport } from '../../components/ImportErrorReport';
import { downloadCsv } from '../../lib/csv';
import type { ImportRowError } from '../../lib/types';

export function ImportErrors({
  fileName,
  rowCount,
  errors,
}: {
  fileName: string;
  rowCount: number;
  errors: ImportRowError[];
}) {
  const rows = new Set(errors.map((error) => error.row)).size;
  const downloadReport = () =>
    downloadCsv(
      fileName.replace(/\.csv$/i, '') + '-errors.csv',
      ['row', 'column', 'value', 'message'],
      errors.map((error) => [error.row, error.column, error.value, error.message]),
    );

  return (
    <ImportErrorReport
      errors={errors}
      description={`Found ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${rows} of ${rowCount} row${
        rowCount === 1 ? '' : 's'
      }. Fix them in your file and validate again — the import runs only when every row is valid.`}
      download={
        <Button
          size="xs"
          color="red"
          variant="white"
          leftSection={<IconDownload size={14} />}
          onClick={downloadReport}
        >
          Download error report
        </Button>
      }
    />
  );
}
