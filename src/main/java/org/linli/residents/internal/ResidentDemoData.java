package org.linli.residents.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.IdCardNumber;
import org.linli.platform.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Over 1,000 synthetic residents in about 420 households across the twelve communities: working-age
 * adults with accounts (phones 1380000xxxx), children registered by a parent, and elderly parents
 * (some 80+) linked with their consent. ID numbers use the unassigned area code 530199 with valid
 * check characters, so none can be a real person's.
 */
@Component
@DemoOnly
class ResidentDemoData implements DemoDataSet {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹"};
    private static final String[] GIVEN = {"丽华", "建国", "秀兰", "志明", "海燕", "晓东", "春梅", "国强", "玉珍", "文博",
            "欣怡", "子涵", "浩然", "雨桐", "梓轩", "思远", "佳琪", "俊杰", "桂英", "德明", "淑芬", "伟", "敏", "静", "磊"};

    private final Centers centers;
    private final AccountDirectory accounts;
    private final PersonRepository persons;
    private final JdbcClient jdbc;

    ResidentDemoData(Centers centers, AccountDirectory accounts, PersonRepository persons, JdbcClient jdbc) {
        this.centers = centers;
        this.accounts = accounts;
        this.persons = persons;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "residents";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        Random random = new Random(530199L);
        List<Center> communities = centers.all().stream().filter(c -> c.level() == CenterLevel.COMMUNITY).toList();
        int phone = 1;
        int sequence = 0;
        int people = 0;
        for (int household = 0; people < 1_050; household++) {
            Center home = communities.get(household % communities.size());
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            long parent = adult(surname, 25 + random.nextInt(30), home, phone++, ++sequence, random);
            people++;
            if (random.nextInt(10) < 7) {
                adult(SURNAMES[random.nextInt(SURNAMES.length)], 25 + random.nextInt(30), home, phone++, ++sequence,
                        random);
                people++;
            }
            for (int c = random.nextInt(3); c > 0; c--) {
                child(parent, surname, random.nextInt(18), home, ++sequence, random);
                people++;
            }
            if (random.nextInt(10) < 4) {
                long elder = adult(surname, 70 + random.nextInt(26), home, phone++, ++sequence, random);
                link(parent, elder, "PARENT");
                people++;
            }
        }
    }

    private long adult(String surname, int age, Center home, int phoneIndex, int sequence, Random random) {
        String name = surname + GIVEN[random.nextInt(GIVEN.length)];
        long account = accounts.ensureResident(new PhoneNumber("1380000%04d".formatted(phoneIndex)), "居民 " + name);
        IdCardNumber id = idNumber(age, sequence, random);
        String street = home.nameZh().replace("党群服务中心", "").replace("社区", "");
        long person = persons.insert(account, name, id.value(), "官渡区" + street + "小区 " + (1 + random.nextInt(30))
                + " 栋 " + (101 + random.nextInt(6) * 100 + random.nextInt(4)) + " 室", id.birthDate(),
                id.male() ? "M" : "F", home.code().value(), account);
        persons.addConsent(person, "REAL_NAME", account, "演示数据");
        return person;
    }

    private void child(long parentPerson, String surname, int age, Center home, int sequence, Random random) {
        long guardian = jdbc.sql("select account_id from person where id = ?").param(parentPerson).query(Long.class)
                .single();
        IdCardNumber id = idNumber(age, sequence, random);
        long child = persons.insert(null, surname + GIVEN[random.nextInt(GIVEN.length)], id.value(), null,
                id.birthDate(), id.male() ? "M" : "F", home.code().value(), guardian);
        long consent = persons.addConsent(child, "GUARDIAN_OF_MINOR", guardian, "演示数据");
        jdbc.sql("""
                insert into household_link (person_id, member_id, relation, status, consent_id, decided_at)
                values (?, ?, 'CHILD', 'ACTIVE', ?, now())
                """).params(parentPerson, child, consent).update();
    }

    private void link(long person, long elder, String relation) {
        long elderAccount = jdbc.sql("select account_id from person where id = ?").param(elder).query(Long.class)
                .single();
        long consent = persons.addConsent(elder, "HOUSEHOLD_LINK", elderAccount, "演示数据");
        jdbc.sql("""
                insert into household_link (person_id, member_id, relation, status, consent_id, decided_at)
                values (?, ?, ?, 'ACTIVE', ?, now())
                """).params(person, elder, relation, consent).update();
    }

    private final java.util.Set<String> issued = new java.util.HashSet<>();

    /** 530199 (unassigned) + a birth date fitting the age + a sequence + the check character; never twice. */
    private IdCardNumber idNumber(int age, int sequence, Random random) {
        LocalDate birth = TODAY.minusYears(age).minusDays(1 + random.nextInt(360));
        String first17;
        do {
            first17 = "530199" + birth.toString().replace("-", "") + "%03d".formatted(sequence % 1000);
            birth = birth.minusDays(1);
        } while (!issued.add(first17));
        return new IdCardNumber(first17 + IdCardNumber.checkCharacter(first17));
    }
}
