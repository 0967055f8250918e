import { NavLink, useLocation } from 'react-router';
import { Icon } from '../ui/Icon';
import { navigation } from './navigation';

export function Sidebar() {
  const { pathname } = useLocation();
  const alsoActive = (also: string[] | undefined): boolean =>
    Boolean(also?.some((path) => pathname === path || pathname.startsWith(`${path}/`)));
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span className="brand-name">Stagecoach</span>
      </div>
      <div className="sidebar-sections">
        {navigation.map((section, i) => (
          <div className="sidebar-section" key={section.title ?? i}>
            {section.title && <div className="sidebar-section-title">{section.title}</div>}
            <ul>
              {section.items.map((item) => (
                <li key={item.path}>
                  <NavLink
                    to={item.path}
                    end={item.path === '/'}
                    className={({ isActive }) =>
                      isActive || alsoActive(item.also) ? 'nav-link active' : 'nav-link'
                    }
                  >
                    <Icon name={item.icon} />
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <div className="sidebar-footer">Everything stays on this computer.</div>
    </nav>
  );
}
