-- The demo users as Kakehashi would know them after their first sign-in (ids fixed in the realm file), so
-- that they can be named as reviewers and receive notices before they have signed in. A real sign-in
-- refreshes the row from the token.
INSERT INTO person (user_id, company_id, email, name, roles, seen_at) VALUES
    ('65da2294-df9f-56bb-9fc6-812f10c6e1ab', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'company-admin@sakura-shoji.example', 'Kenji Watanabe', 'company-admin', UTC_TIMESTAMP(6)),
    ('d9327ccd-f92a-5142-a89e-df2683e13ea1', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'bid-manager@sakura-shoji.example', 'Haruka Sato', 'bid-manager', UTC_TIMESTAMP(6)),
    ('2032f605-92c8-5811-9c51-a535693517e7', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'contributor@sakura-shoji.example', 'Yuto Kobayashi', 'contributor', UTC_TIMESTAMP(6)),
    ('2b957e91-405a-5e92-a452-c2cc6eea7dd7', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001', 'viewer@sakura-shoji.example', 'Aiko Tanaka', 'viewer', UTC_TIMESTAMP(6)),
    ('b36ee1b0-ab7c-54fe-9ab9-42b3ca307ec0', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'company-admin@tsubasa-trading.example', 'Takeshi Yamamoto', 'company-admin', UTC_TIMESTAMP(6)),
    ('c9a72837-7876-5b99-ad66-9fd82ae84c9a', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'bid-manager@tsubasa-trading.example', 'Mei Nakamura', 'bid-manager', UTC_TIMESTAMP(6)),
    ('cc070bdd-7bb4-511a-813a-ef6f94a5b162', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'contributor@tsubasa-trading.example', 'Ren Ito', 'contributor', UTC_TIMESTAMP(6)),
    ('697ff25c-48e0-5b02-ac8a-85e86be5d66c', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0002', 'viewer@tsubasa-trading.example', 'Sora Kato', 'viewer', UTC_TIMESTAMP(6)),
    ('138989ec-e767-5fef-a749-e6154877a126', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'company-admin@hanbit-enc.example', 'Minjun Kim', 'company-admin', UTC_TIMESTAMP(6)),
    ('a8da8582-e0fc-5f1f-ac45-aef09520c116', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'bid-manager@hanbit-enc.example', 'Seoyeon Park', 'bid-manager', UTC_TIMESTAMP(6)),
    ('2ad648fc-3be6-59ac-9c92-ba84c0e02093', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'contributor@hanbit-enc.example', 'Jihoon Lee', 'contributor', UTC_TIMESTAMP(6)),
    ('daf83bfb-c65f-59e8-846e-2d965bb060b5', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003', 'viewer@hanbit-enc.example', 'Yuna Choi', 'viewer', UTC_TIMESTAMP(6)),
    ('34e9f10b-6425-57a8-b16f-2785c80728a4', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'company-admin@mirae-epc.example', 'Dohyun Jung', 'company-admin', UTC_TIMESTAMP(6)),
    ('e5dbc7b2-ea75-5f86-935c-cef012c89637', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'bid-manager@mirae-epc.example', 'Hayoon Kang', 'bid-manager', UTC_TIMESTAMP(6)),
    ('61832e79-633f-56d3-b086-7f8b3322a105', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'contributor@mirae-epc.example', 'Siwoo Yoon', 'contributor', UTC_TIMESTAMP(6)),
    ('746b26be-3814-56ca-bb45-183647346c93', '5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0004', 'viewer@mirae-epc.example', 'Jiwoo Han', 'viewer', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE company_id = VALUES(company_id), name = VALUES(name), roles = VALUES(roles);
