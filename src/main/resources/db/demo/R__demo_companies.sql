-- The four demo companies of the brief (only with KAKEHASHI_DEMO_DATA=true). Their aliases match the
-- Keycloak organizations of src/main/keycloak/kakehashi-realm.json. Ids are fixed so that a second
-- run finds the same tenants.
INSERT INTO company (id, alias, code, kind, country, created_at) VALUES
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji',    'SKR', 'TRADING_HOUSE',  'JP', UTC_TIMESTAMP(6)),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'tsubasa-trading', 'TSB', 'TRADING_HOUSE',  'JP', UTC_TIMESTAMP(6)),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'hanbit-enc',      'HBT', 'EPC_CONTRACTOR', 'KR', UTC_TIMESTAMP(6)),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'mirae-epc',       'MRE', 'EPC_CONTRACTOR', 'KR', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE code = VALUES(code), kind = VALUES(kind), country = VALUES(country);

INSERT INTO company_name (company_id, lang, name) VALUES
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'en', 'Sakura Shoji Corporation'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'ja', 'サクラ商事株式会社'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'en', 'Tsubasa Trading Co., Ltd.'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'ja', 'ツバサ貿易株式会社'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'en', 'Hanbit Engineering & Construction'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'ko', '한빛엔지니어링건설'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'en', 'Mirae EPC'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'ko', '미래이피씨')
ON DUPLICATE KEY UPDATE name = VALUES(name);

INSERT INTO company_domain (company_id, domain) VALUES
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji.example'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'tsubasa-trading.example'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'hanbit-enc.example'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'mirae-epc.example')
ON DUPLICATE KEY UPDATE domain = VALUES(domain);

-- The ERP clients of the realm file, so that their companies' admins can rotate and revoke them.
INSERT INTO erp_client (id, company_id, client_id, name, roles, created_at, created_by) VALUES
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c1001', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'sakura-shoji-erp',    'ERP integration', 'bid-manager contributor', UTC_TIMESTAMP(6), 'demo data'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c1002', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'tsubasa-trading-erp', 'ERP integration', 'bid-manager contributor', UTC_TIMESTAMP(6), 'demo data'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c1003', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'hanbit-enc-erp',      'ERP integration', 'bid-manager contributor', UTC_TIMESTAMP(6), 'demo data'),
    ('5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c1004', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'mirae-epc-erp',       'ERP integration', 'bid-manager contributor', UTC_TIMESTAMP(6), 'demo data')
ON DUPLICATE KEY UPDATE name = name;
