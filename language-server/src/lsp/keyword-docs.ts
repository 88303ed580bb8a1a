/**
 * One line of documentation per enum value and per property keyword, shown in completion.
 * Figures follow the article (TLS 1.2+, AES-256, OAuth 2.0, 10–20 h/week of manual re-entry).
 */
export const VALUE_DOCS: Record<string, Record<string, string>> = {
    SystemKind: {
        crm: 'Customer relationship management (e.g. Salesforce, HubSpot).',
        erp: 'Enterprise resource planning (e.g. SAP, NetSuite).',
        finance: 'Accounting, invoicing, treasury.',
        hr: 'Human resources: people records, recruiting.',
        payroll: 'Payroll and benefits.',
        marketing: 'Marketing automation, campaigns.',
        'supply-chain': 'Inventory, logistics, procurement.',
        analytics: 'Reporting, BI, data warehouse.',
        spreadsheet: 'A spreadsheet used as a system: shadow IT by definition.',
        'personal-tool': 'A personal tool (notes, private databases): shadow IT by definition.',
        custom: 'Software built in-house.',
        legacy: 'An old system kept alive; usually hard to integrate.'
    },
    Hosting: {
        saas: 'Vendor-hosted software as a service.',
        cloud: 'Runs on your own cloud infrastructure.',
        'on-prem': 'Runs in your own data centre.',
        desktop: 'Runs on one person\'s machine.'
    },
    EncryptionKind: {
        none: 'No encryption: fails the article\'s AES-256 control for regulated data.',
        aes128: 'AES-128: below the article\'s AES-256 control for regulated data.',
        aes256: 'AES-256, the article\'s control for data at rest.'
    },
    Capability: {
        'open-api': 'A documented, open API (a must-have platform criterion).',
        webhooks: 'Pushes events on change (needed for real-time flows).',
        bulk: 'Bulk import/export for large volumes.',
        connectors: 'Pre-built connectors to common systems.',
        sso: 'Single sign-on (any protocol).',
        'sso-saml': 'Single sign-on via SAML.',
        'sso-oidc': 'Single sign-on via OpenID Connect.',
        events: 'Publishes domain events.',
        cdc: 'Change data capture from its database.'
    },
    Status: {
        live: 'Exists today (the as-is estate).',
        planned: 'Not live yet; goes live when an initiative delivers it.',
        retired: 'No longer used; ignored by every rule.'
    },
    FlowStyle: {
        manual: 'A person re-keys the data: the "no integration" gap (10–20 h/week per team).',
        email: 'Data sent by e-mail and copied by hand: a manual gap.',
        file: 'File drop or export/import.',
        batch: 'Scheduled bulk sync: the "batch" gap when staler than the data may be.',
        api: 'Synchronous API calls.',
        webhook: 'Pushed on change by a webhook.',
        event: 'Published on an event bus.',
        cdc: 'Change data capture.',
        script: 'A custom script: the "fragile" gap, breaks when either system updates.',
        'shared-db': 'Both systems read and write one database.'
    },
    AuthKind: {
        oauth2: 'OAuth 2.0, the article\'s standard for system-to-system access.',
        mtls: 'Mutual TLS with client certificates.',
        'api-key': 'A static API key: weaker than OAuth 2.0.',
        basic: 'User name and password on every call.',
        'shared-account': 'A shared user account: no accountability (error).',
        none: 'No authentication (error for automated flows).'
    },
    SecretStore: {
        vault: 'A secrets vault (e.g. HashiCorp Vault, AWS Secrets Manager).',
        platform: 'The integration platform\'s credential store.',
        env: 'Environment variables.',
        hardcoded: 'Secrets in code or configuration (error).'
    },
    Level: {
        public: 'May be published.',
        internal: 'For employees only.',
        confidential: 'Business-sensitive; limited access.',
        restricted: 'Highest sensitivity (health, card, special-category data).'
    },
    PlatformKind: {
        ipaas: 'Integration platform as a service (MuleSoft, Boomi, Workato).',
        esb: 'Enterprise service bus.',
        automation: 'No-code automation (Zapier, Make).',
        etl: 'Extract, transform, load.',
        'api-gateway': 'API gateway.',
        'message-broker': 'Message broker (Kafka, RabbitMQ).',
        custom: 'Built in-house.'
    },
    Agreement: {
        dpa: 'Data processing agreement (GDPR Art. 28): needed for personal data.',
        baa: 'Business associate agreement (HIPAA): needed for PHI.'
    },
    TransferSafeguard: {
        adequacy: 'The destination, or the recipient, is covered by an EU adequacy decision (GDPR Art. 45), e.g. a DPF-certified US company.',
        scc: 'Standard contractual clauses signed with the recipient (GDPR Art. 46(2)(c)).',
        bcr: 'Binding corporate rules approved for the group (GDPR Art. 47).'
    },
    VolumeTier: {
        low: 'Low volume (hundreds of records a day).',
        moderate: 'Moderate volume (thousands a day).',
        high: 'High volume (enterprise scale).'
    },
    Schedule: {
        realtime: 'As changes happen (staleness 0).',
        hourly: 'Every hour.',
        daily: 'Once a day: decisions on yesterday\'s numbers.',
        nightly: 'Overnight batch: decisions on yesterday\'s numbers.',
        weekly: 'Once a week.',
        monthly: 'Once a month.',
        'on-demand': 'When someone triggers it.',
        every: 'A fixed interval, e.g. `every 15 minutes`.'
    },
    SeverityLevel: {
        error: 'Report as an error (fails `integ check`).',
        warning: 'Report as a warning.',
        info: 'Report as information.',
        off: 'Do not run this rule.'
    }
};

export const KEYWORD_DOCS: Record<string, string> = {
    policy: 'Workspace policy: WIP limit, champions, parallel run, minimum TLS, downtime budget, rule severities.',
    department: 'A department (owner of systems, affected by initiatives).',
    regulation: 'A regulation, with its audit retention minimum.',
    classification: 'A data classification: level, regulations, required controls.',
    entity: 'A business entity with its fields, master system and freshness.',
    platform: 'An integration platform with its capabilities, agreements, volume tier and price.',
    system: 'An application of the estate (official or shadow IT).',
    flow: 'Data moving from one system to another (`->`, or `<->` for two-way).',
    process: 'A business process (one of the top 20) and the flows it uses.',
    roadmap: 'An integration roadmap: initiatives by month from `start`.',
    initiative: 'One integration project of the roadmap.',
    accept: 'Waive one finding: `accept "rule/id" on Element "reason" { ticket "…" until 2027-06-30 }`.',
    carries: 'The fields this flow moves: `Entity.field` or `Entity.*`.',
    style: 'How the data moves: manual, email, file, batch, api, webhook, event, cdc, script, shared-db.',
    schedule: 'How often: realtime, hourly, daily, nightly, weekly, monthly, on-demand or `every <duration>`.',
    via: 'The integration platform the flow runs on.',
    purpose: 'Why the data moves or is processed, for the record of processing (GDPR Art. 30).',
    transfer: 'The safeguard for personal data leaving the EEA: adequacy, scc or bcr.',
    region: 'Where the system is hosted: eu, eea, uk or an ISO 3166 country code (de, us …).',
    processor: 'The external processor (vendor) that runs it.',
    agreements: 'Contracts signed with the vendor: dpa (GDPR Art. 28), baa (HIPAA).',
    auth: 'Authentication between the systems.',
    secrets: 'Where the flow\'s credentials are kept.',
    tls: 'TLS version in transit (the article asks for 1.2 or later).',
    audit: 'Every data movement is logged (timestamp, source, destination, user).',
    monitored: 'Alerting and retry are in place; on a platform, for every flow that runs via it.',
    reconciled: 'Control totals or record counts are checked.',
    effort: 'Manual effort spent on this flow today, e.g. `12 hours per week`.',
    errors: 'Error rate, e.g. `3%`.',
    downtime: 'Downtime, e.g. `3 hours per month` (budget: 2 hours per month).',
    shadow: 'Marks shadow IT: a tool the department uses outside official IT.',
    stores: 'Entities whose data this system holds.',
    edits: 'Entities users change in this system (not only read copies).',
    master: 'The system of record for this entity; it stores the entity whether or not its `stores` says so.',
    freshness: 'How stale a copy of this entity may be.',
    field: 'A field of the entity, optionally with its classification: `field email: PII`.',
    encryption: 'Encryption at rest.',
    supports: 'Capabilities: open-api, webhooks, bulk, connectors, sso, sso-saml, sso-oidc, events, cdc.',
    users: 'Number of users (systems with users need SSO).',
    'depends-on': 'Initiatives that must end before this one starts.',
    replaces: 'Flows retired by this initiative.',
    retires: 'Systems switched off when this initiative is done; their live flows must be replaced by then.',
    delivers: 'Flows that go live with this initiative.',
    'parallel-run': 'Old and new run side by side (the article: 2–4 weeks).',
    retrospective: 'Review after go-live (the article: within 30 days).',
    targets: 'ROI targets (the article: manual hours −50 %, errors below 1 %).'
};
