import { useT } from '../i18n/use-t.ts';
import { ENCODINGS } from './import-model.ts';

interface Props {
  /** The user's choice; '' = as the file says or as detected. */
  value: string;
  /** The encoding the host used. */
  detected?: string;
  onPick: (encoding: string) => void;
}

/** Attribute text encoding: automatic (showing what was used), or one the user knows the file is in. */
export function EncodingSelect({ value, detected, onPick }: Props) {
  const { t } = useT();
  return (
    <select value={value} data-testid="import-encoding-select" onChange={(e) => onPick(e.target.value)}>
      {ENCODINGS.map((enc) =>
        enc === '' ? (
          <option key="auto" value="">
            {detected ? t('import.encodingAutoUsed', { encoding: detected.toUpperCase() }) : t('import.encodingAuto')}
          </option>
        ) : (
          <option key={enc} value={enc}>{enc.toUpperCase()}</option>
        ),
      )}
    </select>
  );
}
