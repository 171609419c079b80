-- Volunteer and merchant registers are imported the same way as the home-service register.
alter table register_import drop constraint register_import_kind_check;
alter table register_import add constraint register_import_kind_check
    check (kind in ('HOME_CARE', 'VOLUNTEERS', 'MERCHANTS'));
