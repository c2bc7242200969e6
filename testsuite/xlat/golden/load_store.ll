define hidden range(i32 4, 10) i32 @fvp_100b0_load_store(ptr %cpu) local_unnamed_addr #0 {
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

common.ret:                                       ; preds = %trap, %exit
  %trap.count.sink = phi i64 [ %trap.count, %trap ], [ %exit.count, %exit ]
  %common.ret.op = phi i32 [ 7, %trap ], [ %exit.reason, %exit ]
  %instret.p2 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret3 = load i64, ptr %instret.p2, align 8
  %instret.n4 = add i64 %instret3, %trap.count.sink
  store i64 %instret.n4, ptr %instret.p2, align 8
  ret i32 %common.ret.op

exit:                                             ; preds = %start, %mem.ok34
  %exit.pc = phi i64 [ %7, %mem.ok34 ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %mem.ok34 ], [ 9, %start ]
  %exit.count = phi i64 [ 8, %mem.ok34 ], [ 0, %start ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  br label %common.ret

trap:                                             ; preds = %mem.ok28, %mem.ok20, %mem.ok, %entry.switch
  %trap.pc = phi i64 [ 65712, %entry.switch ], [ 65714, %mem.ok ], [ 65724, %mem.ok20 ], [ 65728, %mem.ok28 ]
  %trap.cause = phi i64 [ 13, %entry.switch ], [ 13, %mem.ok ], [ 15, %mem.ok20 ], [ 13, %mem.ok28 ]
  %trap.tval = phi i64 [ %x10, %entry.switch ], [ %1, %mem.ok ], [ %x1025, %mem.ok20 ], [ %4, %mem.ok28 ]
  %trap.count = phi i64 [ 0, %entry.switch ], [ 1, %mem.ok ], [ 5, %mem.ok20 ], [ 6, %mem.ok28 ]
  store i64 %trap.pc, ptr %pc.p5, align 8
  %cause.p = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 %trap.cause, ptr %cause.p, align 8
  %tval.p = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval, ptr %tval.p, align 8
  %pending.p = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p, align 4
  br label %common.ret

entry.switch:                                     ; preds = %start
  %0 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %0, align 8
  %inrange = icmp ult i64 %x10, 274877906937
  br i1 %inrange, label %mem.ok, label %trap

mem.ok:                                           ; preds = %entry.switch
  store volatile i64 65712, ptr %pc.p5, align 8
  %host = getelementptr i8, ptr %mem_base, i64 %x10
  %ld = load i64, ptr %host, align 1
  %x15 = getelementptr inbounds i8, ptr %cpu, i64 120
  store i64 %ld, ptr %x15, align 8
  %1 = add nuw nsw i64 %x10, 16
  %inrange8 = icmp ult i64 %x10, 274877906925
  br i1 %inrange8, label %mem.ok20, label %trap

mem.ok20:                                         ; preds = %mem.ok
  store volatile i64 65714, ptr %pc.p5, align 8
  %host12 = getelementptr i8, ptr %mem_base, i64 %1
  %ld13 = load i32, ptr %host12, align 1
  %2 = sext i32 %ld13 to i64
  %x14 = getelementptr inbounds i8, ptr %cpu, i64 112
  %3 = add i64 %ld, %2
  store i64 %3, ptr %x15, align 8
  store volatile i64 65718, ptr %pc.p5, align 8
  %host23 = getelementptr i8, ptr %host, i64 8
  store i64 %3, ptr %host23, align 1
  store i64 127, ptr %x14, align 8
  %x1025 = load i64, ptr %0, align 8
  %inrange27 = icmp ult i64 %x1025, 274877906944
  br i1 %inrange27, label %mem.ok28, label %trap

mem.ok28:                                         ; preds = %mem.ok20
  store volatile i64 65724, ptr %pc.p5, align 8
  %host31 = getelementptr i8, ptr %mem_base, i64 %x1025
  store i8 127, ptr %host31, align 1
  %x1032 = load i64, ptr %0, align 8
  %4 = add i64 %x1032, 9
  %inrange33 = icmp ult i64 %4, 274877906944
  br i1 %inrange33, label %mem.ok34, label %trap

mem.ok34:                                         ; preds = %mem.ok28
  store volatile i64 65728, ptr %pc.p5, align 8
  %host37 = getelementptr i8, ptr %mem_base, i64 %4
  %ld38 = load i8, ptr %host37, align 1
  %5 = zext i8 %ld38 to i64
  store i64 %5, ptr %0, align 8
  %6 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %6, align 8
  %7 = and i64 %x1, -2
  br label %exit
}
