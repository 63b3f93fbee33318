import type { JSX, ParentProps } from 'solid-js';

/** Decorative line icons: always next to visible text, so hidden from assistive technology. */
function Icon(props: ParentProps) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  );
}

export type IconComponent = () => JSX.Element;

export const CheckIcon: IconComponent = () => (
  <Icon>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
);
export const GlobeIcon: IconComponent = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
  </Icon>
);
export const MenuIcon: IconComponent = () => (
  <Icon>
    <path d="M4 6h16M4 12h16M4 18h16" />
  </Icon>
);
export const ChevronDownIcon: IconComponent = () => (
  <Icon>
    <path d="M6 9l6 6 6-6" />
  </Icon>
);
export const UsersIcon: IconComponent = () => (
  <Icon>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c.6-3.6 3.3-6 6.5-6s5.9 2.4 6.5 6M16 4.5a3.5 3.5 0 010 7M18 14.2c2 .8 3.2 2.9 3.5 5.8" />
  </Icon>
);
export const AuditIcon: IconComponent = () => (
  <Icon>
    <path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6z" />
    <path d="M8.8 12l2.2 2.2 4.2-4.4" />
  </Icon>
);
export const FormIcon: IconComponent = () => (
  <Icon>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="M9 11h7M9 15h7M9 7h3" />
  </Icon>
);
export const WorkflowIcon: IconComponent = () => (
  <Icon>
    <rect x="3" y="3.5" width="6" height="5" rx="1" />
    <rect x="15" y="15.5" width="6" height="5" rx="1" />
    <path d="M6 8.5v4a3 3 0 003 3h6" />
  </Icon>
);
export const RulesIcon: IconComponent = () => (
  <Icon>
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </Icon>
);
export const ReportsIcon: IconComponent = () => (
  <Icon>
    <path d="M4 20h16M7 16v-5M12 16V6M17 16v-8" />
  </Icon>
);
export const DashboardIcon: IconComponent = () => (
  <Icon>
    <rect x="3.5" y="3.5" width="7" height="9" rx="1.5" />
    <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
    <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
    <rect x="3.5" y="15.5" width="7" height="5" rx="1.5" />
  </Icon>
);
export const SettingsIcon: IconComponent = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2L5.5 5.5" />
  </Icon>
);
export const CasesIcon: IconComponent = () => (
  <Icon>
    <path d="M3 7a2 2 0 012-2h4l2 2h8a2 2 0 012 2v9a2 2 0 01-2 2H5a2 2 0 01-2-2z" />
  </Icon>
);
export const CalendarIcon: IconComponent = () => (
  <Icon>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </Icon>
);
export const TasksIcon: IconComponent = () => (
  <Icon>
    <rect x="4" y="4" width="16" height="16" rx="2.5" />
    <path d="M8.5 12l2.5 2.5 4.5-5" />
  </Icon>
);
export const SupervisionIcon: IconComponent = () => (
  <Icon>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
    <circle cx="12" cy="12" r="2.8" />
  </Icon>
);
export const SharedIcon: IconComponent = () => (
  <Icon>
    <circle cx="18" cy="5.5" r="2.5" />
    <circle cx="6" cy="12" r="2.5" />
    <circle cx="18" cy="18.5" r="2.5" />
    <path d="M8.2 10.8l7.6-4.1M8.2 13.2l7.6 4.1" />
  </Icon>
);
/** A magnifying glass (搜索). */
export const SearchIcon: IconComponent = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="M15 15l5.5 5.5" />
  </Icon>
);
/** Two speech bubbles: a conversation among colleagues (会诊). */
export const ConferenceIcon: IconComponent = () => (
  <Icon>
    <path d="M3.5 5.5h11a1.5 1.5 0 0 1 1.5 1.5v6a1.5 1.5 0 0 1-1.5 1.5H8l-3.5 3v-3h-1A1.5 1.5 0 0 1 2 13V7a1.5 1.5 0 0 1 1.5-1.5z" />
    <path d="M18.5 9h1A1.5 1.5 0 0 1 21 10.5v6a1.5 1.5 0 0 1-1.5 1.5h-1v3L15 18h-4.5" />
  </Icon>
);
export const KnowledgeIcon: IconComponent = () => (
  <Icon>
    <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5z" />
    <path d="M20 5.5A1.5 1.5 0 0 0 18.5 4H13v16h5.5a1.5 1.5 0 0 0 1.5-1.5z" />
    <path d="M6.5 8h2M6.5 11h2M15.5 8h2M15.5 11h2" />
  </Icon>
);
export const BookingsIcon: IconComponent = () => (
  <Icon>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4M12 13v5M9.5 15.5h5" />
  </Icon>
);
export const ClientsIcon: IconComponent = () => (
  <Icon>
    <circle cx="12" cy="8" r="4" />
    <path d="M4.5 20.5c.8-4 3.8-6.5 7.5-6.5s6.7 2.5 7.5 6.5" />
  </Icon>
);
export const PaymentsIcon: IconComponent = () => (
  <Icon>
    <rect x="2.5" y="5.5" width="19" height="13" rx="2" />
    <path d="M2.5 10h19M6.5 15h4" />
  </Icon>
);
export const RevenueIcon: IconComponent = () => (
  <Icon>
    <path d="M3 17l6-6 4 4 8-8M15 7h6v6" />
  </Icon>
);
export const LockIcon: IconComponent = () => (
  <Icon>
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 018 0v3" />
  </Icon>
);
export const KeyIcon: IconComponent = () => (
  <Icon>
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l8.5-8.5M16 7l2.5 2.5M14 9l2 2" />
  </Icon>
);
export const LogoutIcon: IconComponent = () => (
  <Icon>
    <path d="M14 4h4a2 2 0 012 2v12a2 2 0 01-2 2h-4M10 16l-4-4 4-4M6 12h10" />
  </Icon>
);
export const MailIcon: IconComponent = () => (
  <Icon>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Icon>
);
export const BellIcon: IconComponent = () => (
  <Icon>
    <path d="M6 16.5V11a6 6 0 0112 0v5.5l1.5 1.5h-15z" />
    <path d="M10 20.5a2 2 0 004 0" />
  </Icon>
);
