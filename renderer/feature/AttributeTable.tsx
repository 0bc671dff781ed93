import type { AttributeRow } from './feature-rows.ts';

/** Attribute name / value (unit) rows. */
export function AttributeTable({ rows }: { rows: readonly AttributeRow[] }) {
  return (
    <div className="feature-scroll">
      <table className="attribute-table" data-testid="feature-attributes">
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-field={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                {row.value}
                {row.unit && <span className="unit"> {row.unit}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
