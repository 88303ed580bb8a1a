/**
 * The standard library: always in scope, never written to disk. A user declaration with one of
 * these names replaces the library entry (the scope provider prefers user declarations).
 * Figures come from the article (TLS 1.2+, AES-256, OAuth 2.0, audit logging) and the regulations'
 * retention minimums (PCI DSS 10.5.1: 12 months; HIPAA §164.316(b)(2): 6 years; SOX §802: 7 years).
 * The iPaaS entries are `monitored`: alerting, retry and run history come with every integration
 * they run, so a flow via one of them counts as monitored (the automation tools leave that to each zap).
 */
/** Canonical form (as `URI.toString()` prints it), so string comparisons hold. */
export const STDLIB_URI = 'integ-builtin:/stdlib.integ';

export const STDLIB_TEXT = `// Integration Architect standard library (read-only)

regulation GDPR "EU General Data Protection Regulation"
regulation HIPAA "Health Insurance Portability and Accountability Act" { retention 6 years }
regulation PCI-DSS "Payment Card Industry Data Security Standard" { retention 12 months }
regulation SOX "Sarbanes-Oxley Act" { retention 7 years }

classification Public "Public information" { level public }
classification Internal "Internal use only" { level internal }
classification Confidential "Confidential business data" {
  level confidential
  requires tls 1.2
}
classification PII "Personal data (GDPR Art. 4)" {
  level confidential
  regulations GDPR
  requires tls 1.2, encryption aes256, audit, oauth2
}
classification SensitivePII "Special category personal data (GDPR Art. 9)" {
  level restricted
  regulations GDPR
  requires tls 1.2, encryption aes256, audit, oauth2
}
classification PHI "Protected health information" {
  level restricted
  regulations HIPAA
  requires tls 1.2, encryption aes256, audit, oauth2, retention 6 years
}
classification PCI "Cardholder data" {
  level restricted
  regulations PCI-DSS
  requires tls 1.2, encryption aes256, audit, oauth2, retention 12 months
}
classification Financial "Financial records" {
  level confidential
  regulations SOX
  requires tls 1.2, encryption aes256, audit, retention 7 years
}
classification Credentials "Secrets and credentials" {
  level restricted
  requires tls 1.2, encryption aes256, audit
}

platform Zapier "Zapier" {
  kind automation
  supports webhooks, connectors, sso
  agreements dpa
  best-for "Simple, low-volume automations"
  volume low
  price 20 to 600 USD per month
}
platform Make "Make (Integromat)" {
  kind automation
  supports webhooks, connectors, open-api
  agreements dpa
  best-for "Complex workflows, moderate volume"
  volume moderate
  price 9 to 300 USD per month
}
platform MuleSoft "MuleSoft Anypoint" {
  kind ipaas
  supports open-api, webhooks, bulk, connectors, sso, events
  agreements dpa, baa
  best-for "Enterprise API management"
  volume high
  price 50000 USD per year
  monitored
}
platform Boomi "Dell Boomi" {
  kind ipaas
  supports open-api, webhooks, bulk, connectors, sso
  agreements dpa, baa
  best-for "Mid-market to enterprise"
  volume high
  price 30000 USD per year
  monitored
}
platform Workato "Workato" {
  kind ipaas
  supports open-api, webhooks, bulk, connectors, sso
  agreements dpa, baa
  best-for "Business-process-focused integration"
  volume moderate
  price 10000 USD per year
  monitored
}
`;
