-- The demo tenders and the Quang Trach LNG-to-power consortium (only with KAKEHASHI_DEMO_DATA=true).
-- sakura-shoji leads with hanbit-enc (active) and mirae-epc (invited); tsubasa-trading's West Java
-- tender is its own and visible to no one else. INSERT IGNORE: a second run keeps what users changed.

INSERT IGNORE INTO opportunity (id, owner_company_id, title, country, sector, employer, estimated_amount, estimated_currency,
    procurement_method, bid_due_at, time_zone, stage, decision, decision_reasons, decided_by_id, decided_by_name, decided_at,
    created_at, created_by, version) VALUES
  ('7b1e0000-0000-4000-8000-000000000001', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'Quang Trach LNG-to-Power 1,500 MW', 'VN',
   'LNG_TO_POWER', 'EVN', 1800000000.00, 'USD', 'SINGLE_STAGE_TWO_ENVELOPE', '2027-03-31 10:00:00', 'Asia/Ho_Chi_Minh', 'BIDDING',
   'GO', 'Strategic market for LNG-to-power; JBIC and K-EXIM appetite confirmed; Hanbit brings the gas turbine EPC track record.',
   'demo', 'Haruka Sato', '2026-09-15 02:00:00', '2026-09-01 01:00:00', 'demo', 0),
  ('7b1e0000-0000-4000-8000-000000000002', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'Gujarat Green Ammonia 1 Mtpa', 'IN',
   'HYDROGEN_AMMONIA', 'GSECL', 2400000000.00, 'USD', 'TWO_STAGE_TWO_ENVELOPE', '2027-06-30 11:30:00', 'Asia/Kolkata', 'IDENTIFIED',
   NULL, NULL, NULL, NULL, NULL, '2026-10-05 03:00:00', 'demo', 0),
  ('7b1e0000-0000-4000-8000-000000000003', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'West Java Geothermal / CCGT 600 MW', 'ID',
   'POWER', 'PLN', 950000000.00, 'USD', 'SINGLE_STAGE_TWO_ENVELOPE', '2027-05-14 08:00:00', 'Asia/Jakarta', 'PREQUALIFICATION',
   NULL, NULL, NULL, NULL, NULL, '2026-10-20 04:00:00', 'demo', 0);

INSERT IGNORE INTO opportunity_funding (opportunity_id, source) VALUES
  ('7b1e0000-0000-4000-8000-000000000001', 'JBIC'),
  ('7b1e0000-0000-4000-8000-000000000001', 'KEXIM'),
  ('7b1e0000-0000-4000-8000-000000000002', 'JICA'),
  ('7b1e0000-0000-4000-8000-000000000002', 'PRIVATE'),
  ('7b1e0000-0000-4000-8000-000000000003', 'ADB');

INSERT IGNORE INTO consortium (id, opportunity_id, name, code, leader_company_id, agreement_status, created_at, created_by, version) VALUES
  ('7b1e0000-0000-4000-8000-0000000000c1', '7b1e0000-0000-4000-8000-000000000001', 'Quang Trach Power Consortium', 'QTP',
   '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'TEAMING_AGREEMENT', '2026-09-16 01:00:00', 'demo', 0);

INSERT IGNORE INTO membership (id, consortium_id, company_id, company_alias, status, invited_at, invited_by, responded_at, responded_by, version) VALUES
  ('7b1e0000-0000-4000-8000-0000000000a1', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji',
   'ACTIVE', '2026-09-16 01:00:00', 'demo', '2026-09-16 01:00:00', 'demo', 0),
  ('7b1e0000-0000-4000-8000-0000000000a2', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'hanbit-enc',
   'ACTIVE', '2026-09-16 02:00:00', 'demo', '2026-09-18 00:30:00', 'demo', 0),
  ('7b1e0000-0000-4000-8000-0000000000a3', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'mirae-epc',
   'INVITED', '2026-11-02 05:00:00', 'demo', NULL, NULL, 0);

INSERT IGNORE INTO membership_role (membership_id, role) VALUES
  ('7b1e0000-0000-4000-8000-0000000000a1', 'LEADER'),
  ('7b1e0000-0000-4000-8000-0000000000a1', 'SPONSOR'),
  ('7b1e0000-0000-4000-8000-0000000000a2', 'EPC_CONTRACTOR'),
  ('7b1e0000-0000-4000-8000-0000000000a3', 'EQUIPMENT_SUPPLIER');

INSERT IGNORE INTO allocation_version (id, consortium_id, version, document, created_at, created_by_id, created_by_name) VALUES
  ('7b1e0000-0000-4000-8000-0000000000b1', '7b1e0000-0000-4000-8000-0000000000c1', 1,
   '{"members":[{"company":"sakura-shoji","equityShare":60,"roles":["LEADER","SPONSOR"]},{"company":"hanbit-enc","equityShare":40,"roles":["EPC_CONTRACTOR"]}],"packages":[{"name":"Gas turbine island","raci":{"hanbit-enc":"R","sakura-shoji":"A"},"responsible":"hanbit-enc","workShare":45},{"name":"LNG regasification and jetty","raci":{"hanbit-enc":"R","sakura-shoji":"A"},"responsible":"hanbit-enc","workShare":20},{"name":"Civil and balance of plant","raci":{"hanbit-enc":"A","sakura-shoji":"I"},"responsible":"hanbit-enc","workShare":25},{"name":"Financing and O&M","raci":{"sakura-shoji":"A","hanbit-enc":"C"},"responsible":"sakura-shoji","workShare":10}]}',
   '2026-09-20 03:00:00', 'demo', 'Haruka Sato');

INSERT IGNORE INTO audit_event (id, consortium_id, company_id, company_alias, actor_id, actor_name, occurred_at, action, subject_type, subject_id, summary) VALUES
  ('7b1e0000-0000-4000-8000-0000000000e1', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji', 'demo', 'Haruka Sato',
   '2026-09-16 01:00:00', 'consortium.formed', 'consortium', '7b1e0000-0000-4000-8000-0000000000c1', '{"before":null,"after":{"code":"QTP","name":"Quang Trach Power Consortium"}}'),
  ('7b1e0000-0000-4000-8000-0000000000e2', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji', 'demo', 'Haruka Sato',
   '2026-09-16 02:00:00', 'consortium.invited', 'membership', '7b1e0000-0000-4000-8000-0000000000a2', '{"before":null,"after":{"company":"hanbit-enc","roles":["EPC_CONTRACTOR"]}}'),
  ('7b1e0000-0000-4000-8000-0000000000e3', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'hanbit-enc', 'demo', 'Seoyeon Park',
   '2026-09-18 00:30:00', 'consortium.invitation-accepted', 'membership', '7b1e0000-0000-4000-8000-0000000000a2', '{"before":"INVITED","after":"ACTIVE"}'),
  ('7b1e0000-0000-4000-8000-0000000000e4', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji', 'demo', 'Haruka Sato',
   '2026-09-20 03:00:00', 'consortium.allocated', 'allocation', '7b1e0000-0000-4000-8000-0000000000c1#1', '{"before":null,"after":"version 1"}'),
  ('7b1e0000-0000-4000-8000-0000000000e5', '7b1e0000-0000-4000-8000-0000000000c1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji', 'demo', 'Haruka Sato',
   '2026-11-02 05:00:00', 'consortium.invited', 'membership', '7b1e0000-0000-4000-8000-0000000000a3', '{"before":null,"after":{"company":"mirae-epc","roles":["EQUIPMENT_SUPPLIER"]}}');
