-- Reference data that every environment needs, not only demo mode: the six parties to the information sharing
-- protocol, and the reader-list teams it names for each (ISP "Process for sharing"). Without them an
-- inspectorate's staff cannot sign in (organisation-not-registered). Mirrors Inspectorate and ProtocolReaderLists
-- (ReferenceDataMigrationTest holds the two together).
--
-- Inserted once and never overwritten: administrators edit reader lists afterwards, and a database that already
-- has these rows (from an earlier demo seed) keeps them as they are. Demo people, inspection teams and the
-- Northdale area stay in demo mode (DemoSeed).
insert into organisation (id, name, inspectorate) values
    ('ofsted', 'Ofsted', 'OFSTED'),
    ('cqc', 'Care Quality Commission', 'CQC'),
    ('hmic', 'HM Inspectorate of Constabulary', 'HMIC'),
    ('hmi-probation', 'HM Inspectorate of Probation', 'HMI_PROBATION'),
    ('hmi-prisons', 'HM Inspectorate of Prisons', 'HMI_PRISONS'),
    ('hmcpsi', 'HM Crown Prosecution Service Inspectorate', 'HMCPSI')
on conflict (id) do nothing;

insert into team (id, organisation_id, name, on_reader_list) values
    ('ofsted/social-care-policy-team', 'ofsted', 'Social care policy team', true),
    ('ofsted/social-care-senior-management-team', 'ofsted', 'Social care senior management team', true),
    ('ofsted/inspection-support-management-team-for-local-authority-social-care-inspection', 'ofsted', 'Inspection support management team for local authority social care inspection', true),
    ('cqc/children-s-health-and-justice-team', 'cqc', 'Children''s, Health and Justice Team', true),
    ('cqc/senior-management-primary-medical-services-and-integrated-care-directorate', 'cqc', 'Senior management, Primary Medical Services and Integrated Care Directorate', true),
    ('hmic/hmi-for-protecting-vulnerable-people-and-criminal-justice-joint-inspection', 'hmic', 'HMI for Protecting Vulnerable People and Criminal Justice Joint Inspection', true),
    ('hmic/programme-director-for-pvp-cjji', 'hmic', 'Programme Director for PVP/CJJI', true),
    ('hmic/head-of-protecting-vulnerable-people', 'hmic', 'Head of Protecting Vulnerable People', true),
    ('hmi-probation/senior-management-team', 'hmi-probation', 'Senior management team', true),
    ('hmi-prisons/senior-management-team', 'hmi-prisons', 'Senior management team', true),
    ('hmi-prisons/inspection-support-team', 'hmi-prisons', 'Inspection support team', true),
    ('hmcpsi/senior-management-team', 'hmcpsi', 'Senior management team', true),
    ('hmcpsi/legal-inspectors', 'hmcpsi', 'Legal inspectors', true),
    ('hmcpsi/business-inspectors', 'hmcpsi', 'Business inspectors', true)
on conflict (id) do nothing;
