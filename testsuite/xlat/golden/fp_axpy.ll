define hidden range(i32 4, 10) i32 @fvp_100b0_fp_axpy(ptr %cpu) local_unnamed_addr #0 {
start:
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8
  %3 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %3, align 8
  %4 = getelementptr inbounds i8, ptr %cpu, i64 336
  %f1078 = load double, ptr %4, align 8
  %5 = getelementptr inbounds i8, ptr %cpu, i64 360
  %f13 = load i64, ptr %5, align 8
  %6 = getelementptr inbounds i8, ptr %cpu, i64 368
  %f14 = load i64, ptr %6, align 8
  %7 = getelementptr inbounds i8, ptr %cpu, i64 376
  %f15 = load i64, ptr %7, align 8
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p29 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p29, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %8 = icmp eq i64 %x12, 0
  %instret.n32 = add i64 %instret, 2
  br i1 %8, label %b_100d0, label %loop_100b6.preheader

b_100b6:                                          ; preds = %b_100b6.preheader, %taken65
  %instret.slot.099 = phi i64 [ %instret.n68, %taken65 ], [ %instret.slot.0.ph, %b_100b6.preheader ]
  %x10.slot.098 = phi i64 [ %28, %taken65 ], [ %x10, %b_100b6.preheader ]
  %x11.slot.097 = phi i64 [ %27, %taken65 ], [ %x11, %b_100b6.preheader ]
  %x12.slot.096 = phi i64 [ %26, %taken65 ], [ %x12, %b_100b6.preheader ]
  %inrange = icmp ult i64 %x11.slot.097, 274877906937
  br i1 %inrange, label %mem.ok, label %fault

b_100d0:                                          ; preds = %mem.ok43, %b_100b0
  %f13.slot.1 = phi i64 [ %f13, %b_100b0 ], [ %ld46, %mem.ok43 ]
  %f15.slot.1 = phi i64 [ 0, %b_100b0 ], [ %25, %mem.ok43 ]
  %instret.slot.1 = phi i64 [ %instret.n32, %b_100b0 ], [ %21, %mem.ok43 ]
  %9 = bitcast i64 %f15.slot.1 to double
  %fcvt = tail call i32 @llvm.experimental.constrained.fptosi.i32.f64(double %9, metadata !"fpexcept.strict") #2
  %10 = and i64 %f15.slot.1, 9223372036854775807
  %isnan72 = icmp ugt i64 %10, 9218868437227405312
  %11 = icmp sgt i64 %f15.slot.1, -1
  %12 = or i1 %11, %isnan72
  %13 = icmp eq i32 %fcvt, -2147483648
  %14 = and i1 %13, %12
  %15 = sext i32 %fcvt to i64
  %16 = select i1 %14, i64 2147483647, i64 %15
  %olt = tail call i1 @llvm.experimental.constrained.fcmps.f64(double %9, double 0.000000e+00, metadata !"olt", metadata !"fpexcept.strict") #2
  %17 = zext i1 %olt to i64
  %18 = add nsw i64 %16, %17
  %19 = and i64 %x1, -2
  br label %exit

common.ret:                                       ; preds = %fault, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault ]
  ret i32 %common.ret.op

exit:                                             ; preds = %taken65, %loop_100b6.preheader, %start, %b_100d0
  %f13.slot.2 = phi i64 [ %f13.slot.1, %b_100d0 ], [ %f13, %start ], [ %f13, %loop_100b6.preheader ], [ %ld46, %taken65 ]
  %f14.slot.1 = phi i64 [ 0, %b_100d0 ], [ %f14, %start ], [ %f14, %loop_100b6.preheader ], [ %25, %taken65 ]
  %x12.slot.2 = phi i64 [ 0, %b_100d0 ], [ %x12, %start ], [ %x12, %loop_100b6.preheader ], [ %26, %taken65 ]
  %x11.slot.1 = phi i64 [ %17, %b_100d0 ], [ %x11, %start ], [ %x11, %loop_100b6.preheader ], [ %27, %taken65 ]
  %x10.slot.1 = phi i64 [ %18, %b_100d0 ], [ %x10, %start ], [ %x10, %loop_100b6.preheader ], [ %28, %taken65 ]
  %f15.slot.2 = phi i64 [ %f15.slot.1, %b_100d0 ], [ %f15, %start ], [ %f15.slot.0.ph, %loop_100b6.preheader ], [ %25, %taken65 ]
  %instret.slot.2 = phi i64 [ %instret.slot.1, %b_100d0 ], [ %instret, %start ], [ %instret.slot.0.ph, %loop_100b6.preheader ], [ %instret.n68, %taken65 ]
  %exit.pc = phi i64 [ %19, %b_100d0 ], [ %pc, %start ], [ 65718, %loop_100b6.preheader ], [ 65718, %taken65 ]
  %exit.reason = phi i32 [ 4, %b_100d0 ], [ 9, %start ], [ 9, %loop_100b6.preheader ], [ 9, %taken65 ]
  %exit.count = phi i64 [ 5, %b_100d0 ], [ 0, %start ], [ 0, %loop_100b6.preheader ], [ 0, %taken65 ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x12.slot.2, ptr %3, align 8, !tbaa !5
  store i64 %f13.slot.2, ptr %5, align 8, !tbaa !5
  store i64 %f14.slot.1, ptr %6, align 8, !tbaa !5
  store i64 %f15.slot.2, ptr %7, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p29, align 8, !tbaa !5
  br label %common.ret

fault:                                            ; preds = %mem.ok, %b_100b6
  %trap.pc21 = phi i64 [ 65718, %b_100b6 ], [ 65720, %mem.ok ]
  %trap.tval23 = phi i64 [ %x11.slot.097, %b_100b6 ], [ %x10.slot.098, %mem.ok ]
  store i64 %trap.pc21, ptr %pc.p29, align 8, !tbaa !5
  %cause.p26 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p26, align 8, !tbaa !5
  %tval.p27 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval23, ptr %tval.p27, align 8, !tbaa !5
  %pending.p28 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p28, align 4
  br label %common.ret

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65718
  br i1 %cond, label %loop_100b6.preheader, label %b_100b0

loop_100b6.preheader:                             ; preds = %b_100b0, %entry.switch
  %f15.slot.0.ph = phi i64 [ %f15, %entry.switch ], [ 0, %b_100b0 ]
  %instret.slot.0.ph = phi i64 [ %instret, %entry.switch ], [ %instret.n32, %b_100b0 ]
  %req3694 = load volatile i32, ptr %req.p, align 4
  %"stop?38.not95" = icmp eq i32 %req3694, 0
  br i1 %"stop?38.not95", label %b_100b6.preheader, label %exit

b_100b6.preheader:                                ; preds = %loop_100b6.preheader
  %20 = mul i64 %x12, 10
  %21 = add i64 %instret.slot.0.ph, %20
  br label %b_100b6

mem.ok:                                           ; preds = %b_100b6
  %inrange42 = icmp ult i64 %x10.slot.098, 274877906937
  br i1 %inrange42, label %mem.ok43, label %fault

mem.ok43:                                         ; preds = %mem.ok
  %host = getelementptr i8, ptr %mem_base, i64 %x11.slot.097
  %ld79 = load double, ptr %host, align 1, !tbaa !8
  %host45 = getelementptr i8, ptr %mem_base, i64 %x10.slot.098
  %ld46 = load i64, ptr %host45, align 1, !tbaa !8
  %fmul = tail call double @llvm.experimental.constrained.fmul.f64(double %f1078, double %ld79, metadata !"round.dynamic", metadata !"fpexcept.strict") #2
  %22 = bitcast i64 %ld46 to double
  %23 = tail call double asm "", "=x,0"(double %22) #3
  %fadd = tail call double @llvm.experimental.constrained.fadd.f64(double %fmul, double %23, metadata !"round.dynamic", metadata !"fpexcept.strict") #2
  %isnan51 = tail call i1 @llvm.experimental.constrained.fcmp.f64(double %fadd, double %fadd, metadata !"uno", metadata !"fpexcept.strict") #2
  %24 = bitcast double %fadd to i64
  %25 = select i1 %isnan51, i64 9221120237041090560, i64 %24, !fvp.canon !10
  store i64 %25, ptr %host45, align 1, !tbaa !8
  %26 = add i64 %x12.slot.096, -1
  %.not = icmp eq i64 %26, 0
  br i1 %.not, label %b_100d0, label %taken65

taken65:                                          ; preds = %mem.ok43
  %27 = add nuw nsw i64 %x11.slot.097, 8
  %28 = add nuw nsw i64 %x10.slot.098, 8
  %instret.n68 = add i64 %instret.slot.099, 10
  %req36 = load volatile i32, ptr %req.p, align 4
  %"stop?38.not" = icmp eq i32 %req36, 0
  br i1 %"stop?38.not", label %b_100b6, label %exit
}
