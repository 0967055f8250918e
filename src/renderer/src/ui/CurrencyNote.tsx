import { Link } from 'react-router';
import { conversionNote, currenciesWithoutRate } from '@shared/money/rates';
import { useWorkspace } from '../shell/workspaceContext';
import { Icon } from './Icon';

/**
 * Says what the sums on a screen are in when deals use more than one currency, how the others
 * were converted, and which have no rate (their sums are not shown); nothing in a one-currency
 * workspace.
 */
export function CurrencyNote() {
  const money = useWorkspace().data?.money;
  const text = money ? conversionNote(money) : null;
  if (!money || !text) return null;
  const missing = currenciesWithoutRate(money).length > 0;
  return (
    <div
      className={`banner ${missing ? 'banner-warn' : 'banner-info'}`}
      role="note"
      data-testid="currency-note"
    >
      <Icon name={missing ? 'alert' : 'info'} className="banner-icon" size={16} />
      <div className="banner-body">{text}</div>
      <div className="banner-actions">
        <Link to="/settings" className="btn btn-small">
          {missing ? 'Enter rates' : 'Currencies'}
        </Link>
      </div>
    </div>
  );
}
