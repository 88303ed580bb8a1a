/** The article's roadmap table: six priorities with their month ranges, default policy (wip-limit 2). */
export const ARTICLE_ROADMAP = `
roadmap Plan "Integration roadmap" {
  start 2027-01
  initiative CrmToErp "CRM to ERP" { priority 1  months 1 to 3 }
  initiative ErpToFinance "ERP to Finance" { priority 2  months 2 to 4 }
  initiative HrToPayroll "HR to Payroll" { priority 3  months 3 to 5 }
  initiative MarketingToCrm "Marketing to CRM" { priority 4  months 4 to 6 }
  initiative SupplyChainToErp "Supply Chain to ERP" { priority 5  months 5 to 8 }
  initiative AnalyticsLayer "Analytics layer" { priority 6  months 6 to 10 }
}
`;

/**
 * Four systems. Live today: Crm -> Erp by API, Sheet -> Erp by hand (12 h/week), Erp -> Ledger by
 * e-mail (no effort written). The roadmap replaces both manual flows with planned API flows.
 */
export const SMALL_ESTATE = `
department Sales "Sales" { champions "Ana Ruiz", "Li Wei" }
department Finance "Finance" { champions "Eva Novak" }
entity Order "Order" { master Erp  field number  field total }
system Crm "CRM" { kind crm  department Sales  owner "Ana"  stores Order }
system Erp "ERP" { kind erp  department Finance  owner "Eva"  stores Order  edits Order }
system Ledger "Ledger" { kind finance  department Finance  owner "Eva"  stores Order }
system Sheet "Orders sheet" { kind spreadsheet  department Sales  owner "Li"  stores Order }
flow CrmOrders "CRM orders" : Crm -> Erp { carries Order.number  style api  auth oauth2  tls 1.2  monitored  owner "Ana" }
flow SheetKeying "Sheet re-keyed" : Sheet -> Erp { carries Order.number  style manual  effort 12 hours per week }
flow LedgerMail "Ledger by e-mail" : Erp -> Ledger { carries Order.total  style email }
flow SheetApi "Sheet upload" : Sheet -> Erp { carries Order.number  style api  auth oauth2  tls 1.2  monitored  owner "Li"  status planned }
flow LedgerApi "Ledger feed" : Erp -> Ledger { carries Order.total  style api  auth oauth2  tls 1.2  monitored  owner "Eva"  status planned }
roadmap Plan "Plan" {
  start 2026-11
  initiative SheetToErp "Sheet to ERP" {
    priority 1  months 2 to 4
    departments Sales, Finance
    replaces SheetKeying
    delivers SheetApi
    parallel-run 3 weeks
    retrospective 30 days
    targets { manual-hours -60%  error-rate below 2% }
  }
  initiative LedgerFeed "Ledger feed" { priority 2  months 5 to 5  replaces LedgerMail  delivers LedgerApi }
}
`;
