/**
 * The starter estate "Integration: New Estate…" writes: a few systems in two departments, one
 * classification, flows with the gaps the walkthrough then shows (manual re-entry, a shared
 * account), and a one-initiative roadmap that fixes the worst of them.
 */
export const ESTATE_TEMPLATE: Record<string, string> = {
    'systems.integ': `// Your systems, one per application; the department is who owns it.

department Sales "Sales" { champions "Replace me", "And me" }
department Finance "Finance" { champions "Replace me" }

system Crm "CRM" {
  kind crm
  department Sales
  owner "Head of Sales"
  hosting saas
  stores Customer
  edits Customer
  encryption aes256
  supports open-api, webhooks, sso-saml
}

system Erp "ERP" {
  kind erp
  department Finance
  owner "Head of Finance"
  hosting cloud
  stores Customer, Invoice
  edits Invoice
  encryption aes256
  supports open-api, bulk, sso-saml
}

// A spreadsheet people depend on: shadow IT until it is replaced or owned.
system InvoiceTracker "Invoice tracker" {
  kind spreadsheet
  shadow
  department Finance
  stores Invoice
}
`,
    'data.integ': `// What the data is and how sensitive: classifications decide the security rules.

classification CustomerData "Customer personal data" {
  level confidential
  regulations GDPR
  requires tls 1.2, audit, oauth2
}

entity Customer "Customer" {
  master Crm
  field name: CustomerData
  field email: CustomerData
  field segment: Internal
}

entity Invoice "Invoice" {
  master Erp
  field number: Internal
  field amount: Financial
}
`,
    'flows.integ': `// How data moves between systems today.

flow NewCustomers "New customers re-keyed into the ERP" : Crm -> Erp {
  carries Customer.name, Customer.email
  style manual
  effort 6 hours per week
}

flow InvoiceExport "Invoices copied to the tracker" : Erp -> InvoiceTracker {
  carries Invoice.number, Invoice.amount
  style file
  schedule weekly
  auth shared-account
}

// Planned: goes live with the roadmap's first initiative.
flow CustomerSync "Customer sync" : Crm -> Erp {
  carries Customer.name, Customer.email
  style api
  schedule every 15 minutes
  via Zapier
  auth oauth2
  secrets platform
  tls 1.2
  audit
  monitored
  owner "Head of Sales"
  status planned
}
`,
    'roadmap.integ': `// One initiative at a time: replace the manual re-entry with the planned sync.

roadmap Roadmap "Integration roadmap" {
  start 2027-01
  initiative CrmToErp "CRM to ERP" {
    priority 1
    months 1 to 2
    departments Sales, Finance
    replaces NewCustomers
    delivers CustomerSync
    platform Zapier
    parallel-run 2 weeks
    retrospective 30 days
    targets { manual-hours -50%  error-rate below 1% }
  }
}
`
};
