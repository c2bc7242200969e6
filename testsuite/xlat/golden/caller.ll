define hidden range(i32 4, 10) i32 @fvp_100b0_caller(ptr %cpu) local_unnamed_addr #0 {
start:
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p5 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p5, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %0 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %0, align 8
  %1 = add i64 %x2, -16
  store i64 %1, ptr %0, align 8
  %2 = add i64 %x2, -8
  %inrange = icmp ult i64 %2, 274877906937
  br i1 %inrange, label %mem.ok, label %trap

b_100b8:                                          ; preds = %entry.switch
  %3 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %3, align 8
  %4 = add i64 %x10, 1
  store i64 %4, ptr %3, align 8
  %5 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x215 = load i64, ptr %5, align 8
  %6 = add i64 %x215, 8
  %inrange16 = icmp ult i64 %6, 274877906937
  br i1 %inrange16, label %mem.ok17, label %trap

common.ret27:                                     ; preds = %exit, %trap, %fvp_100c0_callee.exit
  %common.ret27.op = phi i32 [ %exit.reason.i, %fvp_100c0_callee.exit ], [ %exit.reason, %exit ], [ 7, %trap ]
  ret i32 %common.ret27.op

exit:                                             ; preds = %start, %mem.ok17
  %exit.pc = phi i64 [ %11, %mem.ok17 ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %mem.ok17 ], [ 9, %start ]
  %exit.count = phi i64 [ 4, %mem.ok17 ], [ 0, %start ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  br label %common.ret27

trap:                                             ; preds = %b_100b8, %b_100b0
  %trap.pc = phi i64 [ 65714, %b_100b0 ], [ 65722, %b_100b8 ]
  %trap.cause = phi i64 [ 15, %b_100b0 ], [ 13, %b_100b8 ]
  %trap.tval = phi i64 [ %2, %b_100b0 ], [ %6, %b_100b8 ]
  store i64 %trap.pc, ptr %pc.p5, align 8
  %cause.p = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 %trap.cause, ptr %cause.p, align 8
  %tval.p = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval, ptr %tval.p, align 8
  %pending.p = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p, align 4
  %instret.p2 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret3 = load i64, ptr %instret.p2, align 8
  %instret.n4 = add i64 %instret3, 1
  store i64 %instret.n4, ptr %instret.p2, align 8
  br label %common.ret27

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65720
  br i1 %cond, label %b_100b8, label %b_100b0

mem.ok:                                           ; preds = %b_100b0
  %7 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %7, align 8
  store volatile i64 65714, ptr %pc.p5, align 8
  %host = getelementptr i8, ptr %mem_base, i64 %2
  store i64 %x1, ptr %host, align 1
  store i64 65720, ptr %7, align 8
  %instret.p10 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret11 = load i64, ptr %instret.p10, align 8
  %instret.n12 = add i64 %instret11, 3
  %req.i = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i" = icmp eq i32 %req.i, 0
  br i1 %"stop?.not.i", label %entry.switch.i, label %fvp_100c0_callee.exit

entry.switch.i:                                   ; preds = %mem.ok
  %8 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10.i = load i64, ptr %8, align 8
  %9 = shl i64 %x10.i, 1
  store i64 %9, ptr %8, align 8
  br label %fvp_100c0_callee.exit

fvp_100c0_callee.exit:                            ; preds = %mem.ok, %entry.switch.i
  %exit.pc.i = phi i64 [ 65720, %entry.switch.i ], [ 65728, %mem.ok ]
  %exit.reason.i = phi i32 [ 4, %entry.switch.i ], [ 9, %mem.ok ]
  %exit.count.i = phi i64 [ 2, %entry.switch.i ], [ 0, %mem.ok ]
  store i64 %exit.pc.i, ptr %pc.p5, align 8
  %instret.n.i = add i64 %exit.count.i, %instret.n12
  store i64 %instret.n.i, ptr %instret.p10, align 8
  br label %common.ret27

mem.ok17:                                         ; preds = %b_100b8
  store volatile i64 65722, ptr %pc.p5, align 8
  %host20 = getelementptr i8, ptr %mem_base, i64 %6
  %ld = load i64, ptr %host20, align 1
  %x121 = getelementptr inbounds i8, ptr %cpu, i64 8
  store i64 %ld, ptr %x121, align 8
  %10 = add nsw i64 %x215, 16
  store i64 %10, ptr %5, align 8
  %11 = and i64 %ld, -2
  br label %exit
}

define hidden range(i32 4, 10) i32 @fvp_100c0_callee(ptr %cpu) local_unnamed_addr #1 {
start:
  %pc.p5 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p5, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %exit.pc = phi i64 [ %3, %entry.switch ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %entry.switch ], [ 9, %start ]
  %exit.count = phi i64 [ 2, %entry.switch ], [ 0, %start ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %0 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %0, align 8
  %1 = shl i64 %x10, 1
  store i64 %1, ptr %0, align 8
  %2 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %2, align 8
  %3 = and i64 %x1, -2
  br label %exit
}
