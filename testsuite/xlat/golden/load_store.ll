define hidden range(i32 4, 10) i32 @fvp_100b0_load_store(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 112
  %x14 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %4, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p22 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p22, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

common.ret:                                       ; preds = %fault, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault ]
  ret i32 %common.ret.op

exit:                                             ; preds = %start, %mem.ok27
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %9, %mem.ok27 ]
  %x14.slot.0 = phi i64 [ %x14, %start ], [ 127, %mem.ok27 ]
  %x15.slot.0 = phi i64 [ %x15, %start ], [ %7, %mem.ok27 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %10, %mem.ok27 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %mem.ok27 ]
  %exit.count = phi i64 [ 0, %start ], [ 8, %mem.ok27 ]
  %instret.n = add i64 %exit.count, %instret
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %x14.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %x15.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p22, align 8, !tbaa !5
  br label %common.ret

fault:                                            ; preds = %mem.ok, %entry.switch
  %trap.pc14 = phi i64 [ 65712, %entry.switch ], [ 65714, %mem.ok ]
  %trap.tval16 = phi i64 [ %x10, %entry.switch ], [ %5, %mem.ok ]
  store i64 %trap.pc14, ptr %pc.p22, align 8, !tbaa !5
  %cause.p19 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p19, align 8, !tbaa !5
  %tval.p20 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval16, ptr %tval.p20, align 8, !tbaa !5
  %pending.p21 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p21, align 4
  br label %common.ret

entry.switch:                                     ; preds = %start
  %inrange = icmp ult i64 %x10, 274877906937
  br i1 %inrange, label %mem.ok, label %fault

mem.ok:                                           ; preds = %entry.switch
  %5 = add nuw nsw i64 %x10, 16
  %inrange26 = icmp ult i64 %x10, 274877906925
  br i1 %inrange26, label %mem.ok27, label %fault

mem.ok27:                                         ; preds = %mem.ok
  %host = getelementptr i8, ptr %mem_base, i64 %x10
  %ld = load i64, ptr %host, align 1, !tbaa !8
  %host29 = getelementptr i8, ptr %mem_base, i64 %5
  %ld30 = load i32, ptr %host29, align 1, !tbaa !8
  %6 = sext i32 %ld30 to i64
  %7 = add i64 %ld, %6
  %host38 = getelementptr i8, ptr %host, i64 8
  store i64 %7, ptr %host38, align 1, !tbaa !8
  store i8 127, ptr %host, align 1, !tbaa !8
  %8 = lshr i64 %7, 8
  %9 = and i64 %8, 255
  %10 = and i64 %x1, -2
  br label %exit
}
