/*
 * Unit tests for the RV64GC decoder (lifter/riscv64/decode.c, generated from
 * rv64.insn) and the disassembler (format.c).
 *
 * decode_cases: every op at least once, each with the text GNU objdump 2.40
 * prints (-d -M no-aliases) for the same word at the same address; the table
 * was produced once with riscv64-linux-gnu-as + objdump and pasted here, so
 * the test needs no toolchain.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "riscv64/rv64.h"

typedef struct DecodeCase {
    uint64_t pc;
    uint32_t word; /* 16-bit encodings are below 0x10000 with bits 1:0 != 11 */
    const char *text;
} DecodeCase;

typedef struct ExpandCase {
    uint32_t c16;
    uint32_t w32;
} ExpandCase;

/* Generated once from riscv64-linux-gnu-as -march=rv64gc_zba_zbb_zbs + objdump 2.40
 * -d -M no-aliases (symbols and '# value' comments dropped). */
static const DecodeCase decode_cases[] = {
    {0x0, 0x12345537, "lui\ta0,0x12345"},
    {0x4, 0xfffff4b7, "lui\ts1,0xfffff"},
    {0x8, 0x12345517, "auipc\ta0,0x12345"},
    {0xc, 0xfffff497, "auipc\ts1,0xfffff"},
    {0x10, 0x0100056f, "jal\ta0,20"},
    {0x14, 0x800ff4ef, "jal\ts1,fffffffffffff014"},
    {0x18, 0xff858567, "jalr\ta0,-8(a1)"},
    {0x1c, 0x7f8f84e7, "jalr\ts1,2040(t6)"},
    {0x20, 0x00c58863, "beq\ta1,a2,30"},
    {0x24, 0x81bf8063, "beq\tt6,s11,fffffffffffff024"},
    {0x28, 0x00c59863, "bne\ta1,a2,38"},
    {0x2c, 0x81bf9063, "bne\tt6,s11,fffffffffffff02c"},
    {0x30, 0x00c5c863, "blt\ta1,a2,40"},
    {0x34, 0x81bfc063, "blt\tt6,s11,fffffffffffff034"},
    {0x38, 0x00c5d863, "bge\ta1,a2,48"},
    {0x3c, 0x81bfd063, "bge\tt6,s11,fffffffffffff03c"},
    {0x40, 0x00c5e863, "bltu\ta1,a2,50"},
    {0x44, 0x81bfe063, "bltu\tt6,s11,fffffffffffff044"},
    {0x48, 0x00c5f863, "bgeu\ta1,a2,58"},
    {0x4c, 0x81bff063, "bgeu\tt6,s11,fffffffffffff04c"},
    {0x50, 0xff858503, "lb\ta0,-8(a1)"},
    {0x54, 0x7f8f8483, "lb\ts1,2040(t6)"},
    {0x58, 0xff859503, "lh\ta0,-8(a1)"},
    {0x5c, 0x7f8f9483, "lh\ts1,2040(t6)"},
    {0x60, 0xff85a503, "lw\ta0,-8(a1)"},
    {0x64, 0x7f8fa483, "lw\ts1,2040(t6)"},
    {0x68, 0xff85b503, "ld\ta0,-8(a1)"},
    {0x6c, 0x7f8fb483, "ld\ts1,2040(t6)"},
    {0x70, 0xff85c503, "lbu\ta0,-8(a1)"},
    {0x74, 0x7f8fc483, "lbu\ts1,2040(t6)"},
    {0x78, 0xff85d503, "lhu\ta0,-8(a1)"},
    {0x7c, 0x7f8fd483, "lhu\ts1,2040(t6)"},
    {0x80, 0xff85e503, "lwu\ta0,-8(a1)"},
    {0x84, 0x7f8fe483, "lwu\ts1,2040(t6)"},
    {0x88, 0xfec58c23, "sb\ta2,-8(a1)"},
    {0x8c, 0x7fbf8c23, "sb\ts11,2040(t6)"},
    {0x90, 0xfec59c23, "sh\ta2,-8(a1)"},
    {0x94, 0x7fbf9c23, "sh\ts11,2040(t6)"},
    {0x98, 0xfec5ac23, "sw\ta2,-8(a1)"},
    {0x9c, 0x7fbfac23, "sw\ts11,2040(t6)"},
    {0xa0, 0xfec5bc23, "sd\ta2,-8(a1)"},
    {0xa4, 0x7fbfbc23, "sd\ts11,2040(t6)"},
    {0xa8, 0xffb58513, "addi\ta0,a1,-5"},
    {0xac, 0x7fff8493, "addi\ts1,t6,2047"},
    {0xb0, 0xffb5a513, "slti\ta0,a1,-5"},
    {0xb4, 0x7fffa493, "slti\ts1,t6,2047"},
    {0xb8, 0xffb5b513, "sltiu\ta0,a1,-5"},
    {0xbc, 0x7fffb493, "sltiu\ts1,t6,2047"},
    {0xc0, 0xffb5c513, "xori\ta0,a1,-5"},
    {0xc4, 0x7fffc493, "xori\ts1,t6,2047"},
    {0xc8, 0xffb5e513, "ori\ta0,a1,-5"},
    {0xcc, 0x7fffe493, "ori\ts1,t6,2047"},
    {0xd0, 0xffb5f513, "andi\ta0,a1,-5"},
    {0xd4, 0x7ffff493, "andi\ts1,t6,2047"},
    {0xd8, 0x00359513, "slli\ta0,a1,0x3"},
    {0xdc, 0x03ff9493, "slli\ts1,t6,0x3f"},
    {0xe0, 0x0035d513, "srli\ta0,a1,0x3"},
    {0xe4, 0x03ffd493, "srli\ts1,t6,0x3f"},
    {0xe8, 0x4035d513, "srai\ta0,a1,0x3"},
    {0xec, 0x43ffd493, "srai\ts1,t6,0x3f"},
    {0xf0, 0x00c58533, "add\ta0,a1,a2"},
    {0xf4, 0x01bf84b3, "add\ts1,t6,s11"},
    {0xf8, 0x40c58533, "sub\ta0,a1,a2"},
    {0xfc, 0x41bf84b3, "sub\ts1,t6,s11"},
    {0x100, 0x00c59533, "sll\ta0,a1,a2"},
    {0x104, 0x01bf94b3, "sll\ts1,t6,s11"},
    {0x108, 0x00c5a533, "slt\ta0,a1,a2"},
    {0x10c, 0x01bfa4b3, "slt\ts1,t6,s11"},
    {0x110, 0x00c5b533, "sltu\ta0,a1,a2"},
    {0x114, 0x01bfb4b3, "sltu\ts1,t6,s11"},
    {0x118, 0x00c5c533, "xor\ta0,a1,a2"},
    {0x11c, 0x01bfc4b3, "xor\ts1,t6,s11"},
    {0x120, 0x00c5d533, "srl\ta0,a1,a2"},
    {0x124, 0x01bfd4b3, "srl\ts1,t6,s11"},
    {0x128, 0x40c5d533, "sra\ta0,a1,a2"},
    {0x12c, 0x41bfd4b3, "sra\ts1,t6,s11"},
    {0x130, 0x00c5e533, "or\ta0,a1,a2"},
    {0x134, 0x01bfe4b3, "or\ts1,t6,s11"},
    {0x138, 0x00c5f533, "and\ta0,a1,a2"},
    {0x13c, 0x01bff4b3, "and\ts1,t6,s11"},
    {0x140, 0x8330000f, "fence.tso"},
    {0x144, 0x8330000f, "fence.tso"},
    {0x148, 0x0f50000f, "fence\tiorw,ow"},
    {0x14c, 0x0230000f, "fence\tr,rw"},
    {0x150, 0x00000073, "ecall"},
    {0x154, 0x00000073, "ecall"},
    {0x158, 0x00100073, "ebreak"},
    {0x15c, 0x00100073, "ebreak"},
    {0x160, 0xffb5851b, "addiw\ta0,a1,-5"},
    {0x164, 0x7fff849b, "addiw\ts1,t6,2047"},
    {0x168, 0x0035951b, "slliw\ta0,a1,0x3"},
    {0x16c, 0x01ff949b, "slliw\ts1,t6,0x1f"},
    {0x170, 0x0035d51b, "srliw\ta0,a1,0x3"},
    {0x174, 0x01ffd49b, "srliw\ts1,t6,0x1f"},
    {0x178, 0x4035d51b, "sraiw\ta0,a1,0x3"},
    {0x17c, 0x41ffd49b, "sraiw\ts1,t6,0x1f"},
    {0x180, 0x00c5853b, "addw\ta0,a1,a2"},
    {0x184, 0x01bf84bb, "addw\ts1,t6,s11"},
    {0x188, 0x40c5853b, "subw\ta0,a1,a2"},
    {0x18c, 0x41bf84bb, "subw\ts1,t6,s11"},
    {0x190, 0x00c5953b, "sllw\ta0,a1,a2"},
    {0x194, 0x01bf94bb, "sllw\ts1,t6,s11"},
    {0x198, 0x00c5d53b, "srlw\ta0,a1,a2"},
    {0x19c, 0x01bfd4bb, "srlw\ts1,t6,s11"},
    {0x1a0, 0x40c5d53b, "sraw\ta0,a1,a2"},
    {0x1a4, 0x41bfd4bb, "sraw\ts1,t6,s11"},
    {0x1a8, 0x0000100f, "fence.i"},
    {0x1ac, 0x0000100f, "fence.i"},
    {0x1b0, 0x00359573, "csrrw\ta0,fcsr,a1"},
    {0x1b4, 0xc00f94f3, "csrrw\ts1,cycle,t6"},
    {0x1b8, 0x0035a573, "csrrs\ta0,fcsr,a1"},
    {0x1bc, 0xc00fa4f3, "csrrs\ts1,cycle,t6"},
    {0x1c0, 0x0035b573, "csrrc\ta0,fcsr,a1"},
    {0x1c4, 0xc00fb4f3, "csrrc\ts1,cycle,t6"},
    {0x1c8, 0x0038d573, "csrrwi\ta0,fcsr,17"},
    {0x1cc, 0xc00fd4f3, "csrrwi\ts1,cycle,31"},
    {0x1d0, 0x0038e573, "csrrsi\ta0,fcsr,17"},
    {0x1d4, 0xc00fe4f3, "csrrsi\ts1,cycle,31"},
    {0x1d8, 0x0038f573, "csrrci\ta0,fcsr,17"},
    {0x1dc, 0xc00ff4f3, "csrrci\ts1,cycle,31"},
    {0x1e0, 0x02c58533, "mul\ta0,a1,a2"},
    {0x1e4, 0x03bf84b3, "mul\ts1,t6,s11"},
    {0x1e8, 0x02c59533, "mulh\ta0,a1,a2"},
    {0x1ec, 0x03bf94b3, "mulh\ts1,t6,s11"},
    {0x1f0, 0x02c5a533, "mulhsu\ta0,a1,a2"},
    {0x1f4, 0x03bfa4b3, "mulhsu\ts1,t6,s11"},
    {0x1f8, 0x02c5b533, "mulhu\ta0,a1,a2"},
    {0x1fc, 0x03bfb4b3, "mulhu\ts1,t6,s11"},
    {0x200, 0x02c5c533, "div\ta0,a1,a2"},
    {0x204, 0x03bfc4b3, "div\ts1,t6,s11"},
    {0x208, 0x02c5d533, "divu\ta0,a1,a2"},
    {0x20c, 0x03bfd4b3, "divu\ts1,t6,s11"},
    {0x210, 0x02c5e533, "rem\ta0,a1,a2"},
    {0x214, 0x03bfe4b3, "rem\ts1,t6,s11"},
    {0x218, 0x02c5f533, "remu\ta0,a1,a2"},
    {0x21c, 0x03bff4b3, "remu\ts1,t6,s11"},
    {0x220, 0x02c5853b, "mulw\ta0,a1,a2"},
    {0x224, 0x03bf84bb, "mulw\ts1,t6,s11"},
    {0x228, 0x02c5c53b, "divw\ta0,a1,a2"},
    {0x22c, 0x03bfc4bb, "divw\ts1,t6,s11"},
    {0x230, 0x02c5d53b, "divuw\ta0,a1,a2"},
    {0x234, 0x03bfd4bb, "divuw\ts1,t6,s11"},
    {0x238, 0x02c5e53b, "remw\ta0,a1,a2"},
    {0x23c, 0x03bfe4bb, "remw\ts1,t6,s11"},
    {0x240, 0x02c5f53b, "remuw\ta0,a1,a2"},
    {0x244, 0x03bff4bb, "remuw\ts1,t6,s11"},
    {0x248, 0x1005a52f, "lr.w\ta0,(a1)"},
    {0x24c, 0x160fa4af, "lr.w.aqrl\ts1,(t6)"},
    {0x250, 0x140fa4af, "lr.w.aq\ts1,(t6)"},
    {0x254, 0x120fa4af, "lr.w.rl\ts1,(t6)"},
    {0x258, 0x18c5a52f, "sc.w\ta0,a2,(a1)"},
    {0x25c, 0x1fbfa4af, "sc.w.aqrl\ts1,s11,(t6)"},
    {0x260, 0x1dbfa4af, "sc.w.aq\ts1,s11,(t6)"},
    {0x264, 0x1bbfa4af, "sc.w.rl\ts1,s11,(t6)"},
    {0x268, 0x08c5a52f, "amoswap.w\ta0,a2,(a1)"},
    {0x26c, 0x0fbfa4af, "amoswap.w.aqrl\ts1,s11,(t6)"},
    {0x270, 0x0dbfa4af, "amoswap.w.aq\ts1,s11,(t6)"},
    {0x274, 0x0bbfa4af, "amoswap.w.rl\ts1,s11,(t6)"},
    {0x278, 0x00c5a52f, "amoadd.w\ta0,a2,(a1)"},
    {0x27c, 0x07bfa4af, "amoadd.w.aqrl\ts1,s11,(t6)"},
    {0x280, 0x05bfa4af, "amoadd.w.aq\ts1,s11,(t6)"},
    {0x284, 0x03bfa4af, "amoadd.w.rl\ts1,s11,(t6)"},
    {0x288, 0x20c5a52f, "amoxor.w\ta0,a2,(a1)"},
    {0x28c, 0x27bfa4af, "amoxor.w.aqrl\ts1,s11,(t6)"},
    {0x290, 0x25bfa4af, "amoxor.w.aq\ts1,s11,(t6)"},
    {0x294, 0x23bfa4af, "amoxor.w.rl\ts1,s11,(t6)"},
    {0x298, 0x60c5a52f, "amoand.w\ta0,a2,(a1)"},
    {0x29c, 0x67bfa4af, "amoand.w.aqrl\ts1,s11,(t6)"},
    {0x2a0, 0x65bfa4af, "amoand.w.aq\ts1,s11,(t6)"},
    {0x2a4, 0x63bfa4af, "amoand.w.rl\ts1,s11,(t6)"},
    {0x2a8, 0x40c5a52f, "amoor.w\ta0,a2,(a1)"},
    {0x2ac, 0x47bfa4af, "amoor.w.aqrl\ts1,s11,(t6)"},
    {0x2b0, 0x45bfa4af, "amoor.w.aq\ts1,s11,(t6)"},
    {0x2b4, 0x43bfa4af, "amoor.w.rl\ts1,s11,(t6)"},
    {0x2b8, 0x80c5a52f, "amomin.w\ta0,a2,(a1)"},
    {0x2bc, 0x87bfa4af, "amomin.w.aqrl\ts1,s11,(t6)"},
    {0x2c0, 0x85bfa4af, "amomin.w.aq\ts1,s11,(t6)"},
    {0x2c4, 0x83bfa4af, "amomin.w.rl\ts1,s11,(t6)"},
    {0x2c8, 0xa0c5a52f, "amomax.w\ta0,a2,(a1)"},
    {0x2cc, 0xa7bfa4af, "amomax.w.aqrl\ts1,s11,(t6)"},
    {0x2d0, 0xa5bfa4af, "amomax.w.aq\ts1,s11,(t6)"},
    {0x2d4, 0xa3bfa4af, "amomax.w.rl\ts1,s11,(t6)"},
    {0x2d8, 0xc0c5a52f, "amominu.w\ta0,a2,(a1)"},
    {0x2dc, 0xc7bfa4af, "amominu.w.aqrl\ts1,s11,(t6)"},
    {0x2e0, 0xc5bfa4af, "amominu.w.aq\ts1,s11,(t6)"},
    {0x2e4, 0xc3bfa4af, "amominu.w.rl\ts1,s11,(t6)"},
    {0x2e8, 0xe0c5a52f, "amomaxu.w\ta0,a2,(a1)"},
    {0x2ec, 0xe7bfa4af, "amomaxu.w.aqrl\ts1,s11,(t6)"},
    {0x2f0, 0xe5bfa4af, "amomaxu.w.aq\ts1,s11,(t6)"},
    {0x2f4, 0xe3bfa4af, "amomaxu.w.rl\ts1,s11,(t6)"},
    {0x2f8, 0x1005b52f, "lr.d\ta0,(a1)"},
    {0x2fc, 0x160fb4af, "lr.d.aqrl\ts1,(t6)"},
    {0x300, 0x140fb4af, "lr.d.aq\ts1,(t6)"},
    {0x304, 0x120fb4af, "lr.d.rl\ts1,(t6)"},
    {0x308, 0x18c5b52f, "sc.d\ta0,a2,(a1)"},
    {0x30c, 0x1fbfb4af, "sc.d.aqrl\ts1,s11,(t6)"},
    {0x310, 0x1dbfb4af, "sc.d.aq\ts1,s11,(t6)"},
    {0x314, 0x1bbfb4af, "sc.d.rl\ts1,s11,(t6)"},
    {0x318, 0x08c5b52f, "amoswap.d\ta0,a2,(a1)"},
    {0x31c, 0x0fbfb4af, "amoswap.d.aqrl\ts1,s11,(t6)"},
    {0x320, 0x0dbfb4af, "amoswap.d.aq\ts1,s11,(t6)"},
    {0x324, 0x0bbfb4af, "amoswap.d.rl\ts1,s11,(t6)"},
    {0x328, 0x00c5b52f, "amoadd.d\ta0,a2,(a1)"},
    {0x32c, 0x07bfb4af, "amoadd.d.aqrl\ts1,s11,(t6)"},
    {0x330, 0x05bfb4af, "amoadd.d.aq\ts1,s11,(t6)"},
    {0x334, 0x03bfb4af, "amoadd.d.rl\ts1,s11,(t6)"},
    {0x338, 0x20c5b52f, "amoxor.d\ta0,a2,(a1)"},
    {0x33c, 0x27bfb4af, "amoxor.d.aqrl\ts1,s11,(t6)"},
    {0x340, 0x25bfb4af, "amoxor.d.aq\ts1,s11,(t6)"},
    {0x344, 0x23bfb4af, "amoxor.d.rl\ts1,s11,(t6)"},
    {0x348, 0x60c5b52f, "amoand.d\ta0,a2,(a1)"},
    {0x34c, 0x67bfb4af, "amoand.d.aqrl\ts1,s11,(t6)"},
    {0x350, 0x65bfb4af, "amoand.d.aq\ts1,s11,(t6)"},
    {0x354, 0x63bfb4af, "amoand.d.rl\ts1,s11,(t6)"},
    {0x358, 0x40c5b52f, "amoor.d\ta0,a2,(a1)"},
    {0x35c, 0x47bfb4af, "amoor.d.aqrl\ts1,s11,(t6)"},
    {0x360, 0x45bfb4af, "amoor.d.aq\ts1,s11,(t6)"},
    {0x364, 0x43bfb4af, "amoor.d.rl\ts1,s11,(t6)"},
    {0x368, 0x80c5b52f, "amomin.d\ta0,a2,(a1)"},
    {0x36c, 0x87bfb4af, "amomin.d.aqrl\ts1,s11,(t6)"},
    {0x370, 0x85bfb4af, "amomin.d.aq\ts1,s11,(t6)"},
    {0x374, 0x83bfb4af, "amomin.d.rl\ts1,s11,(t6)"},
    {0x378, 0xa0c5b52f, "amomax.d\ta0,a2,(a1)"},
    {0x37c, 0xa7bfb4af, "amomax.d.aqrl\ts1,s11,(t6)"},
    {0x380, 0xa5bfb4af, "amomax.d.aq\ts1,s11,(t6)"},
    {0x384, 0xa3bfb4af, "amomax.d.rl\ts1,s11,(t6)"},
    {0x388, 0xc0c5b52f, "amominu.d\ta0,a2,(a1)"},
    {0x38c, 0xc7bfb4af, "amominu.d.aqrl\ts1,s11,(t6)"},
    {0x390, 0xc5bfb4af, "amominu.d.aq\ts1,s11,(t6)"},
    {0x394, 0xc3bfb4af, "amominu.d.rl\ts1,s11,(t6)"},
    {0x398, 0xe0c5b52f, "amomaxu.d\ta0,a2,(a1)"},
    {0x39c, 0xe7bfb4af, "amomaxu.d.aqrl\ts1,s11,(t6)"},
    {0x3a0, 0xe5bfb4af, "amomaxu.d.aq\ts1,s11,(t6)"},
    {0x3a4, 0xe3bfb4af, "amomaxu.d.rl\ts1,s11,(t6)"},
    {0x3a8, 0xff85a507, "flw\tfa0,-8(a1)"},
    {0x3ac, 0x7f8faf87, "flw\tft11,2040(t6)"},
    {0x3b0, 0xfec5ac27, "fsw\tfa2,-8(a1)"},
    {0x3b4, 0x7fcfac27, "fsw\tft8,2040(t6)"},
    {0x3b8, 0x68c59543, "fmadd.s\tfa0,fa1,fa2,fa3,rtz"},
    {0x3bc, 0x41cdffc3, "fmadd.s\tft11,fs11,ft8,fs0"},
    {0x3c0, 0x68c58543, "fmadd.s\tfa0,fa1,fa2,fa3,rne"},
    {0x3c4, 0x68c5c543, "fmadd.s\tfa0,fa1,fa2,fa3,rmm"},
    {0x3c8, 0x68c59547, "fmsub.s\tfa0,fa1,fa2,fa3,rtz"},
    {0x3cc, 0x41cdffc7, "fmsub.s\tft11,fs11,ft8,fs0"},
    {0x3d0, 0x68c58547, "fmsub.s\tfa0,fa1,fa2,fa3,rne"},
    {0x3d4, 0x68c5c547, "fmsub.s\tfa0,fa1,fa2,fa3,rmm"},
    {0x3d8, 0x68c5954b, "fnmsub.s\tfa0,fa1,fa2,fa3,rtz"},
    {0x3dc, 0x41cdffcb, "fnmsub.s\tft11,fs11,ft8,fs0"},
    {0x3e0, 0x68c5854b, "fnmsub.s\tfa0,fa1,fa2,fa3,rne"},
    {0x3e4, 0x68c5c54b, "fnmsub.s\tfa0,fa1,fa2,fa3,rmm"},
    {0x3e8, 0x68c5954f, "fnmadd.s\tfa0,fa1,fa2,fa3,rtz"},
    {0x3ec, 0x41cdffcf, "fnmadd.s\tft11,fs11,ft8,fs0"},
    {0x3f0, 0x68c5854f, "fnmadd.s\tfa0,fa1,fa2,fa3,rne"},
    {0x3f4, 0x68c5c54f, "fnmadd.s\tfa0,fa1,fa2,fa3,rmm"},
    {0x3f8, 0x00c59553, "fadd.s\tfa0,fa1,fa2,rtz"},
    {0x3fc, 0x01cdffd3, "fadd.s\tft11,fs11,ft8"},
    {0x400, 0x00c58553, "fadd.s\tfa0,fa1,fa2,rne"},
    {0x404, 0x00c5c553, "fadd.s\tfa0,fa1,fa2,rmm"},
    {0x408, 0x08c59553, "fsub.s\tfa0,fa1,fa2,rtz"},
    {0x40c, 0x09cdffd3, "fsub.s\tft11,fs11,ft8"},
    {0x410, 0x08c58553, "fsub.s\tfa0,fa1,fa2,rne"},
    {0x414, 0x08c5c553, "fsub.s\tfa0,fa1,fa2,rmm"},
    {0x418, 0x10c59553, "fmul.s\tfa0,fa1,fa2,rtz"},
    {0x41c, 0x11cdffd3, "fmul.s\tft11,fs11,ft8"},
    {0x420, 0x10c58553, "fmul.s\tfa0,fa1,fa2,rne"},
    {0x424, 0x10c5c553, "fmul.s\tfa0,fa1,fa2,rmm"},
    {0x428, 0x18c59553, "fdiv.s\tfa0,fa1,fa2,rtz"},
    {0x42c, 0x19cdffd3, "fdiv.s\tft11,fs11,ft8"},
    {0x430, 0x18c58553, "fdiv.s\tfa0,fa1,fa2,rne"},
    {0x434, 0x18c5c553, "fdiv.s\tfa0,fa1,fa2,rmm"},
    {0x438, 0x58059553, "fsqrt.s\tfa0,fa1,rtz"},
    {0x43c, 0x580dffd3, "fsqrt.s\tft11,fs11"},
    {0x440, 0x58058553, "fsqrt.s\tfa0,fa1,rne"},
    {0x444, 0x5805c553, "fsqrt.s\tfa0,fa1,rmm"},
    {0x448, 0x20c58553, "fsgnj.s\tfa0,fa1,fa2"},
    {0x44c, 0x21cd8fd3, "fsgnj.s\tft11,fs11,ft8"},
    {0x450, 0x20c59553, "fsgnjn.s\tfa0,fa1,fa2"},
    {0x454, 0x21cd9fd3, "fsgnjn.s\tft11,fs11,ft8"},
    {0x458, 0x20c5a553, "fsgnjx.s\tfa0,fa1,fa2"},
    {0x45c, 0x21cdafd3, "fsgnjx.s\tft11,fs11,ft8"},
    {0x460, 0x28c58553, "fmin.s\tfa0,fa1,fa2"},
    {0x464, 0x29cd8fd3, "fmin.s\tft11,fs11,ft8"},
    {0x468, 0x28c59553, "fmax.s\tfa0,fa1,fa2"},
    {0x46c, 0x29cd9fd3, "fmax.s\tft11,fs11,ft8"},
    {0x470, 0xc0059553, "fcvt.w.s\ta0,fa1,rtz"},
    {0x474, 0xc00df4d3, "fcvt.w.s\ts1,fs11"},
    {0x478, 0xc0058553, "fcvt.w.s\ta0,fa1,rne"},
    {0x47c, 0xc005c553, "fcvt.w.s\ta0,fa1,rmm"},
    {0x480, 0xc0159553, "fcvt.wu.s\ta0,fa1,rtz"},
    {0x484, 0xc01df4d3, "fcvt.wu.s\ts1,fs11"},
    {0x488, 0xc0158553, "fcvt.wu.s\ta0,fa1,rne"},
    {0x48c, 0xc015c553, "fcvt.wu.s\ta0,fa1,rmm"},
    {0x490, 0xe0058553, "fmv.x.w\ta0,fa1"},
    {0x494, 0xe00d84d3, "fmv.x.w\ts1,fs11"},
    {0x498, 0xa0c5a553, "feq.s\ta0,fa1,fa2"},
    {0x49c, 0xa1cda4d3, "feq.s\ts1,fs11,ft8"},
    {0x4a0, 0xa0c59553, "flt.s\ta0,fa1,fa2"},
    {0x4a4, 0xa1cd94d3, "flt.s\ts1,fs11,ft8"},
    {0x4a8, 0xa0c58553, "fle.s\ta0,fa1,fa2"},
    {0x4ac, 0xa1cd84d3, "fle.s\ts1,fs11,ft8"},
    {0x4b0, 0xe0059553, "fclass.s\ta0,fa1"},
    {0x4b4, 0xe00d94d3, "fclass.s\ts1,fs11"},
    {0x4b8, 0xd0059553, "fcvt.s.w\tfa0,a1,rtz"},
    {0x4bc, 0xd00fffd3, "fcvt.s.w\tft11,t6"},
    {0x4c0, 0xd0058553, "fcvt.s.w\tfa0,a1,rne"},
    {0x4c4, 0xd005c553, "fcvt.s.w\tfa0,a1,rmm"},
    {0x4c8, 0xd0159553, "fcvt.s.wu\tfa0,a1,rtz"},
    {0x4cc, 0xd01fffd3, "fcvt.s.wu\tft11,t6"},
    {0x4d0, 0xd0158553, "fcvt.s.wu\tfa0,a1,rne"},
    {0x4d4, 0xd015c553, "fcvt.s.wu\tfa0,a1,rmm"},
    {0x4d8, 0xf0058553, "fmv.w.x\tfa0,a1"},
    {0x4dc, 0xf00f8fd3, "fmv.w.x\tft11,t6"},
    {0x4e0, 0xc0259553, "fcvt.l.s\ta0,fa1,rtz"},
    {0x4e4, 0xc02df4d3, "fcvt.l.s\ts1,fs11"},
    {0x4e8, 0xc0258553, "fcvt.l.s\ta0,fa1,rne"},
    {0x4ec, 0xc025c553, "fcvt.l.s\ta0,fa1,rmm"},
    {0x4f0, 0xc0359553, "fcvt.lu.s\ta0,fa1,rtz"},
    {0x4f4, 0xc03df4d3, "fcvt.lu.s\ts1,fs11"},
    {0x4f8, 0xc0358553, "fcvt.lu.s\ta0,fa1,rne"},
    {0x4fc, 0xc035c553, "fcvt.lu.s\ta0,fa1,rmm"},
    {0x500, 0xd0259553, "fcvt.s.l\tfa0,a1,rtz"},
    {0x504, 0xd02fffd3, "fcvt.s.l\tft11,t6"},
    {0x508, 0xd0258553, "fcvt.s.l\tfa0,a1,rne"},
    {0x50c, 0xd025c553, "fcvt.s.l\tfa0,a1,rmm"},
    {0x510, 0xd0359553, "fcvt.s.lu\tfa0,a1,rtz"},
    {0x514, 0xd03fffd3, "fcvt.s.lu\tft11,t6"},
    {0x518, 0xd0358553, "fcvt.s.lu\tfa0,a1,rne"},
    {0x51c, 0xd035c553, "fcvt.s.lu\tfa0,a1,rmm"},
    {0x520, 0xff85b507, "fld\tfa0,-8(a1)"},
    {0x524, 0x7f8fbf87, "fld\tft11,2040(t6)"},
    {0x528, 0xfec5bc27, "fsd\tfa2,-8(a1)"},
    {0x52c, 0x7fcfbc27, "fsd\tft8,2040(t6)"},
    {0x530, 0x6ac59543, "fmadd.d\tfa0,fa1,fa2,fa3,rtz"},
    {0x534, 0x43cdffc3, "fmadd.d\tft11,fs11,ft8,fs0"},
    {0x538, 0x6ac58543, "fmadd.d\tfa0,fa1,fa2,fa3,rne"},
    {0x53c, 0x6ac5c543, "fmadd.d\tfa0,fa1,fa2,fa3,rmm"},
    {0x540, 0x6ac59547, "fmsub.d\tfa0,fa1,fa2,fa3,rtz"},
    {0x544, 0x43cdffc7, "fmsub.d\tft11,fs11,ft8,fs0"},
    {0x548, 0x6ac58547, "fmsub.d\tfa0,fa1,fa2,fa3,rne"},
    {0x54c, 0x6ac5c547, "fmsub.d\tfa0,fa1,fa2,fa3,rmm"},
    {0x550, 0x6ac5954b, "fnmsub.d\tfa0,fa1,fa2,fa3,rtz"},
    {0x554, 0x43cdffcb, "fnmsub.d\tft11,fs11,ft8,fs0"},
    {0x558, 0x6ac5854b, "fnmsub.d\tfa0,fa1,fa2,fa3,rne"},
    {0x55c, 0x6ac5c54b, "fnmsub.d\tfa0,fa1,fa2,fa3,rmm"},
    {0x560, 0x6ac5954f, "fnmadd.d\tfa0,fa1,fa2,fa3,rtz"},
    {0x564, 0x43cdffcf, "fnmadd.d\tft11,fs11,ft8,fs0"},
    {0x568, 0x6ac5854f, "fnmadd.d\tfa0,fa1,fa2,fa3,rne"},
    {0x56c, 0x6ac5c54f, "fnmadd.d\tfa0,fa1,fa2,fa3,rmm"},
    {0x570, 0x02c59553, "fadd.d\tfa0,fa1,fa2,rtz"},
    {0x574, 0x03cdffd3, "fadd.d\tft11,fs11,ft8"},
    {0x578, 0x02c58553, "fadd.d\tfa0,fa1,fa2,rne"},
    {0x57c, 0x02c5c553, "fadd.d\tfa0,fa1,fa2,rmm"},
    {0x580, 0x0ac59553, "fsub.d\tfa0,fa1,fa2,rtz"},
    {0x584, 0x0bcdffd3, "fsub.d\tft11,fs11,ft8"},
    {0x588, 0x0ac58553, "fsub.d\tfa0,fa1,fa2,rne"},
    {0x58c, 0x0ac5c553, "fsub.d\tfa0,fa1,fa2,rmm"},
    {0x590, 0x12c59553, "fmul.d\tfa0,fa1,fa2,rtz"},
    {0x594, 0x13cdffd3, "fmul.d\tft11,fs11,ft8"},
    {0x598, 0x12c58553, "fmul.d\tfa0,fa1,fa2,rne"},
    {0x59c, 0x12c5c553, "fmul.d\tfa0,fa1,fa2,rmm"},
    {0x5a0, 0x1ac59553, "fdiv.d\tfa0,fa1,fa2,rtz"},
    {0x5a4, 0x1bcdffd3, "fdiv.d\tft11,fs11,ft8"},
    {0x5a8, 0x1ac58553, "fdiv.d\tfa0,fa1,fa2,rne"},
    {0x5ac, 0x1ac5c553, "fdiv.d\tfa0,fa1,fa2,rmm"},
    {0x5b0, 0x5a059553, "fsqrt.d\tfa0,fa1,rtz"},
    {0x5b4, 0x5a0dffd3, "fsqrt.d\tft11,fs11"},
    {0x5b8, 0x5a058553, "fsqrt.d\tfa0,fa1,rne"},
    {0x5bc, 0x5a05c553, "fsqrt.d\tfa0,fa1,rmm"},
    {0x5c0, 0x22c58553, "fsgnj.d\tfa0,fa1,fa2"},
    {0x5c4, 0x23cd8fd3, "fsgnj.d\tft11,fs11,ft8"},
    {0x5c8, 0x22c59553, "fsgnjn.d\tfa0,fa1,fa2"},
    {0x5cc, 0x23cd9fd3, "fsgnjn.d\tft11,fs11,ft8"},
    {0x5d0, 0x22c5a553, "fsgnjx.d\tfa0,fa1,fa2"},
    {0x5d4, 0x23cdafd3, "fsgnjx.d\tft11,fs11,ft8"},
    {0x5d8, 0x2ac58553, "fmin.d\tfa0,fa1,fa2"},
    {0x5dc, 0x2bcd8fd3, "fmin.d\tft11,fs11,ft8"},
    {0x5e0, 0x2ac59553, "fmax.d\tfa0,fa1,fa2"},
    {0x5e4, 0x2bcd9fd3, "fmax.d\tft11,fs11,ft8"},
    {0x5e8, 0x40159553, "fcvt.s.d\tfa0,fa1,rtz"},
    {0x5ec, 0x401dffd3, "fcvt.s.d\tft11,fs11"},
    {0x5f0, 0x40158553, "fcvt.s.d\tfa0,fa1,rne"},
    {0x5f4, 0x4015c553, "fcvt.s.d\tfa0,fa1,rmm"},
    {0x5f8, 0x42058553, "fcvt.d.s\tfa0,fa1"},
    {0x5fc, 0x420d8fd3, "fcvt.d.s\tft11,fs11"},
    {0x600, 0xa2c5a553, "feq.d\ta0,fa1,fa2"},
    {0x604, 0xa3cda4d3, "feq.d\ts1,fs11,ft8"},
    {0x608, 0xa2c59553, "flt.d\ta0,fa1,fa2"},
    {0x60c, 0xa3cd94d3, "flt.d\ts1,fs11,ft8"},
    {0x610, 0xa2c58553, "fle.d\ta0,fa1,fa2"},
    {0x614, 0xa3cd84d3, "fle.d\ts1,fs11,ft8"},
    {0x618, 0xe2059553, "fclass.d\ta0,fa1"},
    {0x61c, 0xe20d94d3, "fclass.d\ts1,fs11"},
    {0x620, 0xc2059553, "fcvt.w.d\ta0,fa1,rtz"},
    {0x624, 0xc20df4d3, "fcvt.w.d\ts1,fs11"},
    {0x628, 0xc2058553, "fcvt.w.d\ta0,fa1,rne"},
    {0x62c, 0xc205c553, "fcvt.w.d\ta0,fa1,rmm"},
    {0x630, 0xc2159553, "fcvt.wu.d\ta0,fa1,rtz"},
    {0x634, 0xc21df4d3, "fcvt.wu.d\ts1,fs11"},
    {0x638, 0xc2158553, "fcvt.wu.d\ta0,fa1,rne"},
    {0x63c, 0xc215c553, "fcvt.wu.d\ta0,fa1,rmm"},
    {0x640, 0xd2058553, "fcvt.d.w\tfa0,a1"},
    {0x644, 0xd20f8fd3, "fcvt.d.w\tft11,t6"},
    {0x648, 0xd2158553, "fcvt.d.wu\tfa0,a1"},
    {0x64c, 0xd21f8fd3, "fcvt.d.wu\tft11,t6"},
    {0x650, 0xc2259553, "fcvt.l.d\ta0,fa1,rtz"},
    {0x654, 0xc22df4d3, "fcvt.l.d\ts1,fs11"},
    {0x658, 0xc2258553, "fcvt.l.d\ta0,fa1,rne"},
    {0x65c, 0xc225c553, "fcvt.l.d\ta0,fa1,rmm"},
    {0x660, 0xc2359553, "fcvt.lu.d\ta0,fa1,rtz"},
    {0x664, 0xc23df4d3, "fcvt.lu.d\ts1,fs11"},
    {0x668, 0xc2358553, "fcvt.lu.d\ta0,fa1,rne"},
    {0x66c, 0xc235c553, "fcvt.lu.d\ta0,fa1,rmm"},
    {0x670, 0xe2058553, "fmv.x.d\ta0,fa1"},
    {0x674, 0xe20d84d3, "fmv.x.d\ts1,fs11"},
    {0x678, 0xd2259553, "fcvt.d.l\tfa0,a1,rtz"},
    {0x67c, 0xd22fffd3, "fcvt.d.l\tft11,t6"},
    {0x680, 0xd2258553, "fcvt.d.l\tfa0,a1,rne"},
    {0x684, 0xd225c553, "fcvt.d.l\tfa0,a1,rmm"},
    {0x688, 0xd2359553, "fcvt.d.lu\tfa0,a1,rtz"},
    {0x68c, 0xd23fffd3, "fcvt.d.lu\tft11,t6"},
    {0x690, 0xd2358553, "fcvt.d.lu\tfa0,a1,rne"},
    {0x694, 0xd235c553, "fcvt.d.lu\tfa0,a1,rmm"},
    {0x698, 0xf2058553, "fmv.d.x\tfa0,a1"},
    {0x69c, 0xf20f8fd3, "fmv.d.x\tft11,t6"},
    {0x6a0, 0x08c5853b, "add.uw\ta0,a1,a2"},
    {0x6a4, 0x09bf84bb, "add.uw\ts1,t6,s11"},
    {0x6a8, 0x20c5a533, "sh1add\ta0,a1,a2"},
    {0x6ac, 0x21bfa4b3, "sh1add\ts1,t6,s11"},
    {0x6b0, 0x20c5c533, "sh2add\ta0,a1,a2"},
    {0x6b4, 0x21bfc4b3, "sh2add\ts1,t6,s11"},
    {0x6b8, 0x20c5e533, "sh3add\ta0,a1,a2"},
    {0x6bc, 0x21bfe4b3, "sh3add\ts1,t6,s11"},
    {0x6c0, 0x20c5a53b, "sh1add.uw\ta0,a1,a2"},
    {0x6c4, 0x21bfa4bb, "sh1add.uw\ts1,t6,s11"},
    {0x6c8, 0x20c5c53b, "sh2add.uw\ta0,a1,a2"},
    {0x6cc, 0x21bfc4bb, "sh2add.uw\ts1,t6,s11"},
    {0x6d0, 0x20c5e53b, "sh3add.uw\ta0,a1,a2"},
    {0x6d4, 0x21bfe4bb, "sh3add.uw\ts1,t6,s11"},
    {0x6d8, 0x0835951b, "slli.uw\ta0,a1,0x3"},
    {0x6dc, 0x09ff949b, "slli.uw\ts1,t6,0x1f"},
    {0x6e0, 0x40c5f533, "andn\ta0,a1,a2"},
    {0x6e4, 0x41bff4b3, "andn\ts1,t6,s11"},
    {0x6e8, 0x40c5e533, "orn\ta0,a1,a2"},
    {0x6ec, 0x41bfe4b3, "orn\ts1,t6,s11"},
    {0x6f0, 0x40c5c533, "xnor\ta0,a1,a2"},
    {0x6f4, 0x41bfc4b3, "xnor\ts1,t6,s11"},
    {0x6f8, 0x60059513, "clz\ta0,a1"},
    {0x6fc, 0x600f9493, "clz\ts1,t6"},
    {0x700, 0x6005951b, "clzw\ta0,a1"},
    {0x704, 0x600f949b, "clzw\ts1,t6"},
    {0x708, 0x60159513, "ctz\ta0,a1"},
    {0x70c, 0x601f9493, "ctz\ts1,t6"},
    {0x710, 0x6015951b, "ctzw\ta0,a1"},
    {0x714, 0x601f949b, "ctzw\ts1,t6"},
    {0x718, 0x60259513, "cpop\ta0,a1"},
    {0x71c, 0x602f9493, "cpop\ts1,t6"},
    {0x720, 0x6025951b, "cpopw\ta0,a1"},
    {0x724, 0x602f949b, "cpopw\ts1,t6"},
    {0x728, 0x0ac5e533, "max\ta0,a1,a2"},
    {0x72c, 0x0bbfe4b3, "max\ts1,t6,s11"},
    {0x730, 0x0ac5f533, "maxu\ta0,a1,a2"},
    {0x734, 0x0bbff4b3, "maxu\ts1,t6,s11"},
    {0x738, 0x0ac5c533, "min\ta0,a1,a2"},
    {0x73c, 0x0bbfc4b3, "min\ts1,t6,s11"},
    {0x740, 0x0ac5d533, "minu\ta0,a1,a2"},
    {0x744, 0x0bbfd4b3, "minu\ts1,t6,s11"},
    {0x748, 0x60459513, "sext.b\ta0,a1"},
    {0x74c, 0x604f9493, "sext.b\ts1,t6"},
    {0x750, 0x60559513, "sext.h\ta0,a1"},
    {0x754, 0x605f9493, "sext.h\ts1,t6"},
    {0x758, 0x0805c53b, "zext.h\ta0,a1"},
    {0x75c, 0x080fc4bb, "zext.h\ts1,t6"},
    {0x760, 0x60c59533, "rol\ta0,a1,a2"},
    {0x764, 0x61bf94b3, "rol\ts1,t6,s11"},
    {0x768, 0x60c5953b, "rolw\ta0,a1,a2"},
    {0x76c, 0x61bf94bb, "rolw\ts1,t6,s11"},
    {0x770, 0x60c5d533, "ror\ta0,a1,a2"},
    {0x774, 0x61bfd4b3, "ror\ts1,t6,s11"},
    {0x778, 0x6035d513, "rori\ta0,a1,0x3"},
    {0x77c, 0x63ffd493, "rori\ts1,t6,0x3f"},
    {0x780, 0x6035d51b, "roriw\ta0,a1,0x3"},
    {0x784, 0x61ffd49b, "roriw\ts1,t6,0x1f"},
    {0x788, 0x60c5d53b, "rorw\ta0,a1,a2"},
    {0x78c, 0x61bfd4bb, "rorw\ts1,t6,s11"},
    {0x790, 0x2875d513, "orc.b\ta0,a1"},
    {0x794, 0x287fd493, "orc.b\ts1,t6"},
    {0x798, 0x6b85d513, "rev8\ta0,a1"},
    {0x79c, 0x6b8fd493, "rev8\ts1,t6"},
    {0x7a0, 0x48c59533, "bclr\ta0,a1,a2"},
    {0x7a4, 0x49bf94b3, "bclr\ts1,t6,s11"},
    {0x7a8, 0x48359513, "bclri\ta0,a1,0x3"},
    {0x7ac, 0x4bff9493, "bclri\ts1,t6,0x3f"},
    {0x7b0, 0x48c5d533, "bext\ta0,a1,a2"},
    {0x7b4, 0x49bfd4b3, "bext\ts1,t6,s11"},
    {0x7b8, 0x4835d513, "bexti\ta0,a1,0x3"},
    {0x7bc, 0x4bffd493, "bexti\ts1,t6,0x3f"},
    {0x7c0, 0x68c59533, "binv\ta0,a1,a2"},
    {0x7c4, 0x69bf94b3, "binv\ts1,t6,s11"},
    {0x7c8, 0x68359513, "binvi\ta0,a1,0x3"},
    {0x7cc, 0x6bff9493, "binvi\ts1,t6,0x3f"},
    {0x7d0, 0x28c59533, "bset\ta0,a1,a2"},
    {0x7d4, 0x29bf94b3, "bset\ts1,t6,s11"},
    {0x7d8, 0x28359513, "bseti\ta0,a1,0x3"},
    {0x7dc, 0x2bff9493, "bseti\ts1,t6,0x3f"},
    {0x7e0, 0x0808, "c.addi4spn\ta0,sp,16"},
    {0x7e2, 0x1fe4, "c.addi4spn\ts1,sp,1020"},
    {0x7e4, 0x2588, "c.fld\tfa0,8(a1)"},
    {0x7e6, 0x3fe4, "c.fld\tfs1,248(a5)"},
    {0x7e8, 0x41c8, "c.lw\ta0,4(a1)"},
    {0x7ea, 0x5fe0, "c.lw\ts0,124(a5)"},
    {0x7ec, 0x6588, "c.ld\ta0,8(a1)"},
    {0x7ee, 0x7c7c, "c.ld\ta5,248(s0)"},
    {0x7f0, 0xa588, "c.fsd\tfa0,8(a1)"},
    {0x7f2, 0xbc7c, "c.fsd\tfa5,248(s0)"},
    {0x7f4, 0xc1c8, "c.sw\ta0,4(a1)"},
    {0x7f6, 0xdc7c, "c.sw\ta5,124(s0)"},
    {0x7f8, 0xe588, "c.sd\ta0,8(a1)"},
    {0x7fa, 0xfc7c, "c.sd\ta5,248(s0)"},
    {0x7fc, 0x0001, "c.addi\tzero,0"},
    {0x7fe, 0x0505, "c.addi\ta0,1"},
    {0x800, 0x1d81, "c.addi\ts11,-32"},
    {0x802, 0x357d, "c.addiw\ta0,-1"},
    {0x804, 0x2ffd, "c.addiw\tt6,31"},
    {0x806, 0x5575, "c.li\ta0,-3"},
    {0x808, 0x4015, "c.li\tzero,5"},
    {0x80a, 0x713d, "c.addi16sp\tsp,-32"},
    {0x80c, 0x617d, "c.addi16sp\tsp,496"},
    {0x80e, 0x757d, "c.lui\ta0,0xfffff"},
    {0x810, 0x6ffd, "c.lui\tt6,0x1f"},
    {0x812, 0x6505, "c.lui\ta0,0x1"},
    {0x814, 0x810d, "c.srli\ta0,0x3"},
    {0x816, 0x90fd, "c.srli\ts1,0x3f"},
    {0x818, 0x850d, "c.srai\ta0,0x3"},
    {0x81a, 0x9781, "c.srai\ta5,0x20"},
    {0x81c, 0x9961, "c.andi\ta0,-8"},
    {0x81e, 0x88fd, "c.andi\ts1,31"},
    {0x820, 0x8d0d, "c.sub\ta0,a1"},
    {0x822, 0x8c3d, "c.xor\ts0,a5"},
    {0x824, 0x8e55, "c.or\ta2,a3"},
    {0x826, 0x8f65, "c.and\ta4,s1"},
    {0x828, 0x9d0d, "c.subw\ta0,a1"},
    {0x82a, 0x9fa1, "c.addw\ta5,s0"},
    {0x82c, 0xa801, "c.j\t83c"},
    {0x82e, 0xb001, "c.j\t2e"},
    {0x830, 0xc901, "c.beqz\ta0,840"},
    {0x832, 0xd381, "c.beqz\ta5,732"},
    {0x834, 0xec7d, "c.bnez\ts0,932"},
    {0x836, 0x050e, "c.slli\ta0,0x3"},
    {0x838, 0x1ffe, "c.slli\tt6,0x3f"},
    {0x83a, 0x2422, "c.fldsp\tfs0,8(sp)"},
    {0x83c, 0x3ffe, "c.fldsp\tft11,504(sp)"},
    {0x83e, 0x4092, "c.lwsp\tra,4(sp)"},
    {0x840, 0x5ffe, "c.lwsp\tt6,252(sp)"},
    {0x842, 0x60a2, "c.ldsp\tra,8(sp)"},
    {0x844, 0x7ffe, "c.ldsp\tt6,504(sp)"},
    {0x846, 0x8082, "c.jr\tra"},
    {0x848, 0x8f82, "c.jr\tt6"},
    {0x84a, 0x852e, "c.mv\ta0,a1"},
    {0x84c, 0x8fa2, "c.mv\tt6,s0"},
    {0x84e, 0x9002, "c.ebreak"},
    {0x850, 0x9502, "c.jalr\ta0"},
    {0x852, 0x9f82, "c.jalr\tt6"},
    {0x854, 0x952e, "c.add\ta0,a1"},
    {0x856, 0x9f86, "c.add\tt6,ra"},
    {0x858, 0xa422, "c.fsdsp\tfs0,8(sp)"},
    {0x85a, 0xbffe, "c.fsdsp\tft11,504(sp)"},
    {0x85c, 0xc206, "c.swsp\tra,4(sp)"},
    {0x85e, 0xdffe, "c.swsp\tt6,252(sp)"},
    {0x860, 0xe406, "c.sdsp\tra,8(sp)"},
    {0x862, 0xfffe, "c.sdsp\tt6,504(sp)"},
    {0x864, 0x0330000f, "fence\trw,rw"},
    {0x868, 0x0840000f, "fence\ti,o"},
    {0x86c, 0x8330000f, "fence.tso"},
    {0x870, 0x00102573, "csrrs\ta0,fflags,zero"},
    {0x874, 0x00202573, "csrrs\ta0,frm,zero"},
    {0x878, 0xc0102573, "csrrs\ta0,time,zero"},
    {0x87c, 0xc0202573, "csrrs\ta0,instret,zero"},
    {0x880, 0x7c059573, "csrrw\ta0,0x7c0,a1"},
    {0x884, 0x00306073, "csrrsi\tzero,fcsr,0"},
    {0x888, 0x00000537, "lui\ta0,0x0"},
    {0x88c, 0xffffff97, "auipc\tt6,0xfffff"},
    {0x890, 0x00000013, "addi\tzero,zero,0"},
    {0x894, 0x4005d51b, "sraiw\ta0,a1,0x0"},
    {0x898, 0x43f5d513, "srai\ta0,a1,0x3f"},
    {0x10000, 0x0005, "c.addi\tzero,1"},
    {0x10002, 0x1001, "c.addi\tzero,-32"},
    {0x10004, 0x0081, "c.addi\tra,0"},
    {0x10006, 0x0002, "c.slli64\tzero"},
    {0x10008, 0x1002, "c.slli\tzero,0x20"},
    {0x1000a, 0x8006, "c.mv\tzero,ra"},
    {0x1000c, 0x2081, "c.addiw\tra,0"},
    {0x1000e, 0x8001, "c.srli64\ts0"},
    {0x10010, 0x9001, "c.srli\ts0,0x20"},
    {0x10012, 0x8401, "c.srai64\ts0"},
    {0x10014, 0x4001, "c.li\tzero,0"},
    {0x10016, 0x4501, "c.li\ta0,0"},
    {0x10018, 0x02b5d553, "fadd.d\tfa0,fa1,fa1,unknown"},
    {0x1001c, 0x02b5e553, "fadd.d\tfa0,fa1,fa1,unknown"},
    {0x10020, 0x40158553, "fcvt.s.d\tfa0,fa1,rne"},
    {0x10024, 0x0000000f, "fence\tunknown,unknown"},
    {0x10028, 0x0ff0000f, "fence\tiorw,iorw"},
    {0x1002c, 0x00a5d553, "fadd.s\tfa0,fa1,fa0,unknown"},
};

/* Each compressed case and the 32-bit instruction it expands to (unpriv
 * §16), assembled separately. */
static const ExpandCase expand_cases[] = {
    {0x0808, 0x01010513}, /* addi a0,sp,16 */
    {0x1fe4, 0x3fc10493}, /* addi s1,sp,1020 */
    {0x2588, 0x0085b507}, /* fld fa0,8(a1) */
    {0x3fe4, 0x0f87b487}, /* fld fs1,248(a5) */
    {0x41c8, 0x0045a503}, /* lw a0,4(a1) */
    {0x5fe0, 0x07c7a403}, /* lw s0,124(a5) */
    {0x6588, 0x0085b503}, /* ld a0,8(a1) */
    {0x7c7c, 0x0f843783}, /* ld a5,248(s0) */
    {0xa588, 0x00a5b427}, /* fsd fa0,8(a1) */
    {0xbc7c, 0x0ef43c27}, /* fsd fa5,248(s0) */
    {0xc1c8, 0x00a5a223}, /* sw a0,4(a1) */
    {0xdc7c, 0x06f42e23}, /* sw a5,124(s0) */
    {0xe588, 0x00a5b423}, /* sd a0,8(a1) */
    {0xfc7c, 0x0ef43c23}, /* sd a5,248(s0) */
    {0x0001, 0x00000013}, /* addi zero,zero,0 */
    {0x0505, 0x00150513}, /* addi a0,a0,1 */
    {0x1d81, 0xfe0d8d93}, /* addi s11,s11,-32 */
    {0x357d, 0xfff5051b}, /* addiw a0,a0,-1 */
    {0x2ffd, 0x01ff8f9b}, /* addiw t6,t6,31 */
    {0x5575, 0xffd00513}, /* addi a0,zero,-3 */
    {0x4015, 0x00500013}, /* addi zero,zero,5 */
    {0x713d, 0xfe010113}, /* addi sp,sp,-32 */
    {0x617d, 0x1f010113}, /* addi sp,sp,496 */
    {0x757d, 0xfffff537}, /* lui a0,0xfffff */
    {0x6ffd, 0x0001ffb7}, /* lui t6,0x1f */
    {0x6505, 0x00001537}, /* lui a0,0x1 */
    {0x810d, 0x00355513}, /* srli a0,a0,0x3 */
    {0x90fd, 0x03f4d493}, /* srli s1,s1,0x3f */
    {0x850d, 0x40355513}, /* srai a0,a0,0x3 */
    {0x9781, 0x4207d793}, /* srai a5,a5,0x20 */
    {0x9961, 0xff857513}, /* andi a0,a0,-8 */
    {0x88fd, 0x01f4f493}, /* andi s1,s1,31 */
    {0x8d0d, 0x40b50533}, /* sub a0,a0,a1 */
    {0x8c3d, 0x00f44433}, /* xor s0,s0,a5 */
    {0x8e55, 0x00d66633}, /* or a2,a2,a3 */
    {0x8f65, 0x00977733}, /* and a4,a4,s1 */
    {0x9d0d, 0x40b5053b}, /* subw a0,a0,a1 */
    {0x9fa1, 0x008787bb}, /* addw a5,a5,s0 */
    {0xa801, 0x0100006f}, /* jal zero,.+16 */
    {0xb001, 0x801ff06f}, /* jal zero,.+-2048 */
    {0xc901, 0x00050863}, /* beq a0,zero,.+16 */
    {0xd381, 0xf00780e3}, /* beq a5,zero,.+-256 */
    {0xec7d, 0x0e041f63}, /* bne s0,zero,.+254 */
    {0x050e, 0x00351513}, /* slli a0,a0,0x3 */
    {0x1ffe, 0x03ff9f93}, /* slli t6,t6,0x3f */
    {0x2422, 0x00813407}, /* fld fs0,8(sp) */
    {0x3ffe, 0x1f813f87}, /* fld ft11,504(sp) */
    {0x4092, 0x00412083}, /* lw ra,4(sp) */
    {0x5ffe, 0x0fc12f83}, /* lw t6,252(sp) */
    {0x60a2, 0x00813083}, /* ld ra,8(sp) */
    {0x7ffe, 0x1f813f83}, /* ld t6,504(sp) */
    {0x8082, 0x00008067}, /* jalr zero,0(ra) */
    {0x8f82, 0x000f8067}, /* jalr zero,0(t6) */
    {0x852e, 0x00b00533}, /* add a0,zero,a1 */
    {0x8fa2, 0x00800fb3}, /* add t6,zero,s0 */
    {0x9002, 0x00100073}, /* ebreak */
    {0x9502, 0x000500e7}, /* jalr ra,0(a0) */
    {0x9f82, 0x000f80e7}, /* jalr ra,0(t6) */
    {0x952e, 0x00b50533}, /* add a0,a0,a1 */
    {0x9f86, 0x001f8fb3}, /* add t6,t6,ra */
    {0xa422, 0x00813427}, /* fsd fs0,8(sp) */
    {0xbffe, 0x1ff13c27}, /* fsd ft11,504(sp) */
    {0xc206, 0x00112223}, /* sw ra,4(sp) */
    {0xdffe, 0x0ff12e23}, /* sw t6,252(sp) */
    {0xe406, 0x00113423}, /* sd ra,8(sp) */
    {0xfffe, 0x1ff13c23}, /* sd t6,504(sp) */
    {0x0005, 0x00100013}, /* addi zero,zero,1 */
    {0x1001, 0xfe000013}, /* addi zero,zero,-32 */
    {0x0081, 0x00008093}, /* addi ra,ra,0 */
    {0x0002, 0x00001013}, /* slli zero,zero,0 */
    {0x1002, 0x02001013}, /* slli zero,zero,0x20 */
    {0x8006, 0x00100033}, /* add zero,zero,ra */
    {0x2081, 0x0000809b}, /* addiw ra,ra,0 */
    {0x8001, 0x00045413}, /* srli s0,s0,0 */
    {0x9001, 0x02045413}, /* srli s0,s0,0x20 */
    {0x8401, 0x40045413}, /* srai s0,s0,0 */
    {0x4001, 0x00000013}, /* addi zero,zero,0 */
    {0x4501, 0x00000513}, /* addi a0,zero,0 */
};

/* Reserved or unknown encodings: all must decode to RV_OP_ILLEGAL. */
static const struct {
    uint32_t word;
    unsigned len;
    const char *why;
} illegal_cases[] = {
    {0x0000, 2, "all zero: c.addi4spn nzuimm=0 (defined illegal)"},
    {0x0010, 2, "c.addi4spn nzuimm=0, rd'=a2"},
    {0x6101, 2, "c.addi16sp imm=0"},
    {0x6001, 2, "c.lui rd=0 imm=0"},
    {0x6501, 2, "c.lui imm=0"},
    {0x8002, 2, "c.jr rs1=0"},
    {0x4002, 2, "c.lwsp rd=0"},
    {0x6002, 2, "c.ldsp rd=0"},
    {0x2001, 2, "c.addiw rd=0"},
    {0x2501 & ~0x0f80u, 2, "c.addiw rd=0 imm=0"},
    {0x8000, 2, "quadrant 0 funct3 100 (reserved)"},
    {0x9c41, 2, "c.subw/c.addw space, funct2 10 (reserved)"},
    {0x9c61, 2, "c.subw/c.addw space, funct2 11 (reserved)"},
    {0xffffffffu, 4, "all ones (>= 80-bit encoding)"},
    {0x0000ffffu, 4, "16-bit all ones: bits 4:2 = 111"},
    {0x0000001fu, 4, "48-bit encoding prefix"},
    {0x0000003fu, 4, "64-bit encoding prefix"},
    {0x0000007fu, 4, ">= 80-bit encoding prefix"},
    {0x0000000bu, 4, "custom-0"},
    {0x0000002bu, 4, "custom-1"},
    {0x0000005bu, 4, "custom-2"},
    {0x0000007bu, 4, "custom-3"},
    {0x00000057u, 4, "OP-V (vector)"},
    {0x00000077u, 4, "OP-P / reserved"},
    {0x04b5f553u, 4, "fadd with fmt=10 (H)"},
    {0x06b5f553u, 4, "fadd with fmt=11 (Q)"},
    {0x6cc5f543u, 4, "fmadd with fmt=10"},
    {0x0205951bu, 4, "slliw shamt[5]=1"},
    {0x0205d51bu, 4, "srliw shamt[5]=1"},
    {0x4205d51bu, 4, "sraiw shamt[5]=1"},
    {0x80051513u, 4, "slli with funct6 100000"},
    {0x1015a52fu, 4, "lr.w with rs2 != 0"},
    {0x0005c52fu, 4, "AMO funct3 100"},
    {0x000000f3u, 4, "ecall with rd != 0"},
    {0x00200073u, 4, "SYSTEM funct12 2 (uret)"},
    {0x30200073u, 4, "mret (privileged, not in RV64GC user set)"},
    {0x12000073u, 4, "sfence.vma (privileged)"},
    {0x0005c573u, 4, "SYSTEM funct3 100"},
    {0xe0052553u, 4, "fmv.x.w with funct3 010"},
    {0xc0450553u, 4, "fcvt with rs2=00100"},
    {0x000010e7u, 4, "jalr funct3 001"},
    {0x00002063u, 4, "branch funct3 010"},
    {0x00007003u, 4, "load funct3 111"},
    {0x00004023u, 4, "store funct3 100"},
    {0x06000033u, 4, "OP funct7 0000011"},
    {0x0000400fu, 4, "MISC-MEM funct3 100"},
    {0x00005007u, 4, "LOAD-FP funct3 101 (vector)"},
};

/* Decoded by us (the ISA defines them) but printed as data by objdump 2.40,
 * which format.c reproduces. */
static const struct {
    uint32_t word;
    uint16_t op;
    const char *text;
} quirk_cases[] = {
    {0x4205f553u, RV_OP_FCVT_D_S, ".4byte\t0x4205f553"},
    {0xd2057553u, RV_OP_FCVT_D_W, ".4byte\t0xd2057553"},
    {0xd2157553u, RV_OP_FCVT_D_WU, ".4byte\t0xd2157553"},
    {0x8ff0000fu, RV_OP_FENCE, ".4byte\t0x8ff0000f"},
    {0x0ff5850fu, RV_OP_FENCE, ".4byte\t0xff5850f"},
    {0x0ff0050fu, RV_OP_FENCE, ".4byte\t0xff0050f"},
    {0x0010100fu, RV_OP_FENCE_I, ".4byte\t0x10100f"},
    {0x0000150fu, RV_OP_FENCE_I, ".4byte\t0x150f"},
    {0x8335800fu, RV_OP_FENCE_TSO, ".4byte\t0x8335800f"},
    {0x1ff0000fu, RV_OP_FENCE, ".4byte\t0x1ff0000f"},
};

static int case_is_16(uint32_t word)
{
    return word < 0x10000u && (word & 3) != 3;
}

static void test_decode_table(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
        const DecodeCase *c = &decode_cases[i];
        RvInsn in;
        unsigned len = rv64_decode_word(c->word, &in);
        char buf[128];
        rv64_format(&in, c->pc, buf, sizeof(buf));
        unsigned want_len = case_is_16(c->word) ? 2 : 4;
        if (len != want_len || in.len != want_len || in.op == RV_OP_ILLEGAL ||
            strcmp(buf, c->text) != 0) {
            print_error("case %zu: 0x%08x at 0x%llx: got \"%s\" (op %u len %u), want \"%s\"\n", i,
                        c->word, (unsigned long long)c->pc, buf, in.op, len, c->text);
            bad++;
        }
        /* the same through the byte interface */
        uint8_t bytes[4] = {(uint8_t)c->word, (uint8_t)(c->word >> 8), (uint8_t)(c->word >> 16),
                            (uint8_t)(c->word >> 24)};
        RvInsn in2;
        if (rv64_decode(bytes, want_len, c->pc, &in2) != want_len ||
            memcmp(&in, &in2, sizeof(in)) != 0) {
            print_error("case %zu: rv64_decode differs from rv64_decode_word\n", i);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Every RvOp (32-bit in op, compressed in cop) has at least one case. */
static void test_every_op_has_case(void **state)
{
    (void)state;
    static int seen[RV_NOPS];
    memset(seen, 0, sizeof(seen));
    for (size_t i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
        RvInsn in;
        rv64_decode_word(decode_cases[i].word, &in);
        seen[in.cop ? in.cop : in.op] = 1;
    }
    int missing = 0;
    for (int op = 1; op < RV_NOPS; op++)
        if (!seen[op]) {
            print_error("no decode case for %s\n", rv_op_info[op].name);
            missing++;
        }
    assert_int_equal(missing, 0);
}

static void test_illegal(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof(illegal_cases) / sizeof(illegal_cases[0]); i++) {
        RvInsn in;
        unsigned len = rv64_decode_word(illegal_cases[i].word, &in);
        if (in.op != RV_OP_ILLEGAL || in.cop != RV_OP_ILLEGAL || len != illegal_cases[i].len ||
            in.len != len || in.raw != illegal_cases[i].word) {
            print_error("0x%08x (%s): op %s len %u\n", illegal_cases[i].word,
                        illegal_cases[i].why, rv_op_info[in.op].name, len);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

static void test_objdump_quirks(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(quirk_cases) / sizeof(quirk_cases[0]); i++) {
        RvInsn in;
        rv64_decode_word(quirk_cases[i].word, &in);
        assert_int_equal(in.op, quirk_cases[i].op);
        char buf[64];
        rv64_format(&in, 0, buf, sizeof(buf));
        assert_string_equal(buf, quirk_cases[i].text);
    }
}

/* A compressed instruction decodes to exactly its 32-bit expansion. */
static void test_compressed_expansion(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof(expand_cases) / sizeof(expand_cases[0]); i++) {
        RvInsn c, w;
        assert_int_equal(rv64_decode_word(expand_cases[i].c16, &c), 2);
        assert_int_equal(rv64_decode_word(expand_cases[i].w32, &w), 4);
        if (c.op != w.op || c.rd != w.rd || c.rs1 != w.rs1 || c.rs2 != w.rs2 || c.imm != w.imm ||
            c.cop == RV_OP_ILLEGAL || w.cop != RV_OP_ILLEGAL ||
            rv_op_info[c.cop].expand != c.op || !(rv_op_info[c.cop].flags & RV_OPF_COMPRESSED)) {
            print_error("0x%04x (%s) vs 0x%08x (%s): rd %u/%u rs1 %u/%u rs2 %u/%u imm %lld/%lld\n",
                        expand_cases[i].c16, rv_op_info[c.cop].name, expand_cases[i].w32,
                        rv_op_info[w.op].name, c.rd, w.rd, c.rs1, w.rs1, c.rs2, w.rs2,
                        (long long)c.imm, (long long)w.imm);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Every compressed op appears among the expansion cases. */
static void test_every_compressed_op_expanded(void **state)
{
    (void)state;
    static int seen[RV_NOPS];
    memset(seen, 0, sizeof(seen));
    for (size_t i = 0; i < sizeof(expand_cases) / sizeof(expand_cases[0]); i++) {
        RvInsn c;
        rv64_decode_word(expand_cases[i].c16, &c);
        seen[c.cop] = 1;
    }
    for (int op = 1; op < RV_NOPS; op++)
        if (rv_op_info[op].flags & RV_OPF_COMPRESSED)
            assert_true(seen[op]);
}

static void test_lengths(void **state)
{
    (void)state;
    const uint8_t c16[2] = {0x01, 0x45};             /* c.li a0,0 */
    const uint8_t w32[4] = {0x13, 0x05, 0x10, 0x00}; /* addi a0,zero,1 */
    RvInsn in;
    assert_int_equal(rv64_length(c16, 0), 0);
    assert_int_equal(rv64_length(c16, 1), 0);
    assert_int_equal(rv64_length(c16, 2), 2);
    assert_int_equal(rv64_length(w32, 2), 0);
    assert_int_equal(rv64_length(w32, 3), 0);
    assert_int_equal(rv64_length(w32, 4), 4);
    assert_int_equal(rv64_decode(w32, 3, 0, &in), 0);
    assert_int_equal(rv64_decode(c16, 1, 0, &in), 0);
    assert_int_equal(rv64_decode(c16, 2, 0, &in), 2);
    assert_int_equal(in.op, RV_OP_ADDI);
    assert_int_equal(in.cop, RV_OP_C_LI);
    assert_int_equal(in.raw, 0x4501);
}

/* Field conventions from rv64.h. */
static void test_field_conventions(void **state)
{
    (void)state;
    RvInsn in;
    rv64_decode_word(0xfffff537u, &in); /* lui a0,0xfffff */
    assert_int_equal(in.imm, -4096);
    rv64_decode_word(0x0022d573u, &in); /* csrrwi a0,frm,5 */
    assert_int_equal(in.op, RV_OP_CSRRWI);
    assert_int_equal(in.imm, 5);
    assert_int_equal(in.rs1, 0);
    assert_int_equal(in.csr, 2);
    rv64_decode_word(0x0330000fu, &in); /* fence rw,rw */
    assert_int_equal(in.imm, 0x033);
    rv64_decode_word(0x8330000fu, &in); /* fence.tso */
    assert_int_equal(in.op, RV_OP_FENCE_TSO);
    assert_int_equal(in.imm, 0x833);
    rv64_decode_word(0x1605a52fu, &in); /* lr.w.aqrl a0,(a1) */
    assert_int_equal(in.aqrl, 3);
    rv64_decode_word(0x02c59553u, &in); /* fadd.d fa0,fa1,fa2,rtz */
    assert_int_equal(in.rm, 1);
    rv64_decode_word(0x02b5d553u, &in); /* fadd.d rm=5: decodes (traps at run time) */
    assert_int_equal(in.op, RV_OP_FADD_D);
    assert_int_equal(in.rm, 5);
    rv64_decode_word(0x6ac5f543u, &in); /* fmadd.d fa0,fa1,fa2,fa3 */
    assert_int_equal(in.rs3, 13);
    assert_int_equal(in.rm, 7);
    rv64_decode_word(0x713d, &in); /* c.addi16sp sp,-32 */
    assert_int_equal(in.imm, -32);
    assert_int_equal(in.rd, 2);
    assert_int_equal(in.rs1, 2);
}

static void test_format_truncates(void **state)
{
    (void)state;
    RvInsn in;
    rv64_decode_word(0x00c58533u, &in); /* add a0,a1,a2 */
    char buf[6];
    assert_int_equal(rv64_format(&in, 0, buf, sizeof(buf)), (int)strlen("add\ta0,a1,a2"));
    assert_string_equal(buf, "add\ta");
    assert_int_equal(rv64_format(&in, 0, NULL, 0), (int)strlen("add\ta0,a1,a2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_table),
        cmocka_unit_test(test_every_op_has_case),
        cmocka_unit_test(test_illegal),
        cmocka_unit_test(test_objdump_quirks),
        cmocka_unit_test(test_compressed_expansion),
        cmocka_unit_test(test_every_compressed_op_expanded),
        cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_field_conventions),
        cmocka_unit_test(test_format_truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
