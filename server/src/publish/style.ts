/**
 * The site's one stylesheet. On screen: a readable document with a navigation bar. In print (a browser's
 * Print to PDF, or --pdf): no navigation, a running header with the policy's title and version on every
 * page, each policy of the handbook on a new page, tables and headings kept from splitting badly.
 */
export const STYLESHEET = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2330;background:#fff}
a{color:#1f5fbf}
nav.site{background:#1d2330;padding:10px 24px;display:flex;gap:18px;flex-wrap:wrap;align-items:baseline}
nav.site a{color:#fff;text-decoration:none;font-weight:600}nav.site .org{color:#b9c2cf;margin-right:auto}
main{max-width:1120px;margin:0 auto;padding:24px}
h1{font-size:26px;line-height:1.25;margin:8px 0 12px}h2{font-size:20px;margin:28px 0 10px;border-bottom:1px solid #d9dde3;padding-bottom:4px}
h3{font-size:17px;margin:22px 0 8px}h4,h5,h6{font-size:15px;margin:18px 0 6px}
a.anchor{margin-left:6px;color:#9aa3ae;text-decoration:none;font-weight:400;visibility:hidden}
h1:hover a.anchor,h2:hover a.anchor,h3:hover a.anchor,h4:hover a.anchor,h5:hover a.anchor,h6:hover a.anchor{visibility:visible}
table{border-collapse:collapse;width:100%;margin:10px 0 16px}th,td{border:1px solid #d9dde3;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef0f3}td{overflow-wrap:anywhere}td.id,td.date{white-space:nowrap;overflow-wrap:normal}td[align=right],th[align=right]{text-align:right}td[align=center],th[align=center]{text-align:center}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#f2f4f7;padding:1px 4px;border-radius:3px}
pre{background:#f2f4f7;padding:10px 12px;overflow:auto;border-radius:4px}pre code{background:none;padding:0}
blockquote{margin:10px 0;padding:2px 14px;border-left:4px solid #d9dde3;color:#4a5261}
.kicker{color:#5b6473;font-size:13px;text-transform:uppercase;letter-spacing:.04em;margin:0}
.meta{width:auto;min-width:60%}.meta th{width:11em;background:#f6f7f9;font-weight:600}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;white-space:nowrap;margin:1px 2px 1px 0}
.status-current{background:#d6efdf;color:#1d5e38}.status-review-overdue,.status-changed-since-approval{background:#f8d7d3;color:#8a231b}
.status-not-approved{background:#f6e3a8;color:#5c4600}
.note{background:#f6f7f9;border:1px solid #d9dde3;border-radius:4px;padding:8px 12px;color:#4a5261}
.toc ol{margin:4px 0}.toc{font-size:14px}
.approved td{background:#eef7f1}
.running-header{display:none}
table.print-frame,table.print-frame>thead,table.print-frame>tbody,table.print-frame>*>tr,table.print-frame>*>tr>td{display:block;border:0;padding:0;margin:0;width:auto}
footer.site{margin:36px auto 0;max-width:1120px;padding:12px 24px 24px;color:#5b6473;font-size:12px;border-top:1px solid #d9dde3}
.cover{padding:48px 0}.cover h1{font-size:32px}
@page{size:A4;margin:20mm 16mm 18mm}
@media print{
body{font-size:11pt;color:#000}
nav.site,a.anchor,.toc.screen-only{display:none}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
table.print-frame{display:table;width:100%;border-collapse:collapse}table.print-frame>thead{display:table-header-group}table.print-frame>tbody{display:table-row-group}
table.print-frame>*>tr{display:table-row;break-inside:auto}table.print-frame>*>tr>td{display:table-cell}
.running-header{display:block;font-size:9pt;color:#5b6473;border-bottom:.5pt solid #9aa3ae;padding-bottom:2pt;margin-bottom:6mm}
article.policy{break-before:page}
.cover{break-after:page}
h1,h2,h3,h4{break-after:avoid}
tr,blockquote,pre,.meta{break-inside:avoid}
footer.site{border:none;padding:0;margin-top:24px}
}
`;
